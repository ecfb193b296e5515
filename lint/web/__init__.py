"""Pages for editors: the HTML report (``check --format html``), the archive
summary and the local web app (``newslint serve``).

One rendering for all three: ``article`` turns a document and its diagnostics
into an ``ArticleView`` and its HTML (text with findings marked, the side list,
the readability panel); ``index`` renders a list of ``ArticleSummary`` rows
(the report's index page and the archive audit's summary); ``page`` wraps a
body into one self-contained HTML file with the inline styles and scripts.
"""
