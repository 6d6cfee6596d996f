"""Strings of the code export shared by every page (the pinning header of each script)."""

STRINGS = {
    "codegen.pin": {
        "en": "run as the page runs: one thread (the order of a sum changes its last digits), deterministic "
        "kernels, float32",
        "ko": "페이지와 똑같이 실행합니다: 스레드 하나(덧셈 순서가 바뀌면 마지막 자릿수가 바뀝니다), 결정적 연산, "
        "float32",
    },
}
