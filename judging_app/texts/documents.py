"""Writing the PDF documents (services/documents.py); the documents' own headings are
document language (exchange/pdf_text.py), not messages."""

TEXTS = {
    "documents.nobody_assigned": (
        "No judge has entries assigned in round '{round}' yet.",
        "Belum ada juri yang ditugaskan menilai inovasi pada tahap '{round}'.",
    ),
}
