"""The meeting's agenda: Part 1 public items, the motion to exclude the public, Part 2
non-public items with their Schedule 12A paragraphs (the shape of seed 002's agenda)."""

from __future__ import annotations

from datetime import date

from csc_insight.reports.paper import Block, Heading, Meta, Paper, Para

OPENING = [
    ("APOLOGIES", ""),
    ("MEMBERS' DECLARATIONS UNDER THE CODE OF CONDUCT IN RESPECT OF ITEMS ON THE AGENDA", ""),
    (
        "MINUTES",
        "To agree the public minutes and non-public summary of the previous meeting.\nFor Decision",
    ),
]
CLOSING_PUBLIC = [
    ("QUESTIONS ON MATTERS RELATING TO THE WORK OF THE SUB-COMMITTEE", ""),
    ("ANY OTHER BUSINESS THAT THE CHAIRMAN CONSIDERS URGENT", ""),
]
CLOSING_PRIVATE = [
    ("NON-PUBLIC QUESTIONS ON MATTERS RELATING TO THE WORK OF THE SUB-COMMITTEE", ""),
    (
        "ANY OTHER BUSINESS THAT THE CHAIRMAN CONSIDERS URGENT AND WHICH THE SUB-COMMITTEE "
        "AGREE SHOULD BE CONSIDERED WHILST THE PUBLIC ARE EXCLUDED",
        "",
    ),
]


def motion(paragraphs: list[int]) -> str:
    numbers = ", ".join(str(p) for p in paragraphs)
    return (
        "MOTION, that under Section 100(A) of the Local Government Act 1972, the public be "
        "excluded from the meeting for the following items on the grounds that they involve "
        "the likely disclosure of exempt information as defined in Part I of Schedule 12A "
        f"of the Local Government Act, paragraph{'s' if len(paragraphs) > 1 else ''} "
        f"{numbers}.\nFor Decision"
    )


def _item(number: int, title: str, text: str) -> list[Block]:
    return [Heading(f"{number}. {title}", 3), *(Para(line) for line in text.splitlines())]


def agenda(papers: list[Paper], meeting: date, meta: Meta | None = None) -> Paper:
    """The agenda listing `papers`: public ones in Part 1, the rest in Part 2."""
    public = [p for p in papers if p.public]
    private = [p for p in papers if not p.public]
    number = len(OPENING) + len(public) + len(CLOSING_PUBLIC) + 1  # the motion's number
    private_numbers = {id(p): number + 1 + i for i, p in enumerate(private)}
    blocks: list[Block] = [Heading("Part 1 - Public Agenda")]
    n = 0
    for title, text in OPENING:
        n += 1
        blocks += _item(n, title, text)
    for paper in public:
        n += 1
        lines = [f"Report of the {paper.meta.report_of}."]
        companions = [
            p
            for p in private
            if p.kind == "appendix" and p.period == paper.period and paper.kind == "performance"
        ]
        for companion in companions:
            lines.append(
                "To be read in conjunction with the non-public appendix at Agenda "
                f"Item {private_numbers[id(companion)]}."
            )
        lines.append(paper.meta.decision)
        blocks += _item(n, paper.subject.upper(), "\n".join(lines))
    for title, text in CLOSING_PUBLIC:
        n += 1
        blocks += _item(n, title, text)
    paragraphs = sorted({x for p in private for x in p.exempt_paragraphs})
    if private:
        n += 1
        blocks += _item(n, "EXCLUSION OF THE PUBLIC", motion(paragraphs))
        blocks.append(Heading("Part 2 - Non-Public Agenda"))
        for paper in private:
            n += 1
            cited = ", ".join(str(x) for x in paper.exempt_paragraphs)
            blocks += _item(
                n,
                paper.subject.upper(),
                f"Exempt: Schedule 12A, paragraph(s) {cited}.\n"
                f"Report of the {paper.meta.report_of}.\n{paper.meta.decision}",
            )
        for title, text in CLOSING_PRIVATE:
            n += 1
            blocks += _item(n, title, text)
    meta = meta or Meta()
    return Paper(
        kind="agenda",
        subject=f"{meta.committee}: agenda, {meeting.strftime('%d %B %Y').lstrip('0')}",
        meeting=meeting,
        public=True,
        meta=meta,
        body=blocks,
        cover=False,
    )
