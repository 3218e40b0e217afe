"""Letters written for these tests, and the files that carry them, built in code."""

from __future__ import annotations

import pytest

from .builders import docx_file, email_with_attachments, encrypted_pdf, scanned_pdf, text_pdf

LETTER = [
    "Dear Ms Rivera,",
    "Thank you for your interest in the Research Assistant post in our laboratory.",
    "After careful consideration, the panel has decided not to offer you an interview.",
    "We received applications from candidates with stronger experience.",
    "Yours sincerely,",
    "Human Resources",
]
COVER_NOTE = "Dear applicant,\n\nPlease find our letter attached.\n\nKind regards,\nRecruitment"


@pytest.fixture(scope="session")
def letter_pdf() -> bytes:
    return text_pdf([LETTER[:3], LETTER[3:]])


@pytest.fixture(scope="session")
def letter_docx() -> bytes:
    return docx_file(LETTER)


@pytest.fixture(scope="session")
def scan_pdf() -> bytes:
    return scanned_pdf()


@pytest.fixture(scope="session")
def locked_pdf(letter_pdf: bytes) -> bytes:
    return encrypted_pdf(letter_pdf)


@pytest.fixture(scope="session")
def eml_with_pdf(letter_pdf: bytes) -> bytes:
    return email_with_attachments(COVER_NOTE, [("outcome.pdf", "application/pdf", letter_pdf)])
