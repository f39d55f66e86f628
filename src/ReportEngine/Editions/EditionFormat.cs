namespace ReportEngine.Editions;

/// <summary>
/// One of the forms a report is published in, all made from one view model: the PDF (printed), the HTML edition (read in a
/// browser), the Excel workbook (figures and tables for analysts) and the Word document (for committee papers).
/// </summary>
public sealed class EditionFormat
{
    public static readonly EditionFormat Pdf = new("pdf", "application/pdf");
    public static readonly EditionFormat Html = new("html", "text/html; charset=utf-8");
    public static readonly EditionFormat Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static readonly EditionFormat Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    public static IReadOnlyList<EditionFormat> All { get; } = [Pdf, Html, Xlsx, Docx];

    private EditionFormat(string name, string contentType) => (Name, ContentType) = (name, contentType);

    /// <summary>What <c>--format</c> and the API call it; also the file's extension.</summary>
    public string Name { get; }

    public string ContentType { get; }

    /// <summary>The edition's file name beside the PDF: the PDF's stem with this format's extension.</summary>
    public string FileNameBeside(string pdfFileName) => Path.ChangeExtension(pdfFileName, Name);

    public static EditionFormat? Named(string name) => All.FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// A comma-separated list (<c>pdf,html,xlsx,docx</c>) in the order <see cref="All"/> gives, each once. The PDF is
    /// always made (it is the report issued and archived), so it is part of the list whether named or not.
    /// </summary>
    /// <returns>The formats, or why the list is refused.</returns>
    public static (IReadOnlyList<EditionFormat> Formats, string? Problem) ParseList(string list)
    {
        var names = list.Split(',', StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => Named(n) is null).ToList();
        if (unknown.Count > 0)
            return ([], $"{string.Join(", ", unknown.Select(n => n.Length == 0 ? "an empty name" : $"'{n}'"))}: not a format; the formats are {string.Join(", ", All.Select(f => f.Name))}");
        return (All.Where(f => f == Pdf || names.Contains(f.Name)).ToList(), null);
    }

    public override string ToString() => Name;
}
