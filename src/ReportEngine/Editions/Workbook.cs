using System.Globalization;
using System.Text.Json;
using AngleSharp.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ReportEngine.Composition.Monthly;
using ReportEngine.Evidence;

namespace ReportEngine.Editions;

/// <summary>
/// The Excel edition, for analysts: a "Figures" sheet of every metrics.json key (what it is, its value, numerator and
/// denominator, its status and the council's target), one sheet per section of the report with its tables as Excel tables
/// (numbers, percentages and dates typed, the header row frozen), and a "Trends" sheet of each figure month by month.
/// The section sheets are read from the HTML edition, so they hold exactly the tables the report prints.
/// </summary>
public static class Workbook
{
    public static byte[] Make(IDocument htmlEdition, byte[] metricsJson, IReadOnlyList<Target> targets, DateTimeOffset madeAt)
    {
        using var figures = JsonDocument.Parse(metricsJson);
        var metrics = figures.RootElement.GetProperty("metrics");
        var sheets = new List<SheetContent> { FiguresSheet(metrics, targets) };
        sheets.AddRange(SectionSheets(htmlEdition));
        if (TrendsSheet(metrics) is { } trends) sheets.Add(trends);

        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = package.AddWorkbookPart();
            workbookPart.Workbook = new DocumentFormat.OpenXml.Spreadsheet.Workbook();
            workbookPart.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = WorkbookStyles.Create();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var tableId = 0u;
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbookPart.AddNewPart<WorksheetPart>($"rIdSheet{i + 1}");
                var name = UniqueSheetName(sheets[i].Name, names);
                WriteSheet(part, sheets[i], ref tableId);
                sheetList.Append(new Sheet { Id = $"rIdSheet{i + 1}", SheetId = (uint)(i + 1), Name = name });
            }
        }
        return StablePackage.Stamp(stream.ToArray(), madeAt);
    }

    /// <summary>A sheet: rows of cells, some of them Excel tables, and the rows frozen at its top.</summary>
    private sealed record SheetContent(string Name, List<List<SheetCell>> Rows, List<TableBlock> Tables, int FrozenRows, double[] Widths);

    /// <summary>An Excel table on a sheet: its header row, its last row and its column count (rows 0-based).</summary>
    private sealed record TableBlock(string Name, int HeaderRow, int LastRow, int Columns);

    private readonly record struct SheetCell(string Text, CellKind Kind, double Number, uint Style)
    {
        public static SheetCell Of(string text, uint style = WorkbookStyles.Plain) => new(text, CellKind.Text, 0, style);

        public static SheetCell Read(string text)
        {
            var (kind, value) = CellText.Read(text);
            return new SheetCell(text, kind, value, WorkbookStyles.For(kind));
        }

        public static SheetCell OfNumber(double value, CellKind kind) => new("", kind, value, WorkbookStyles.For(kind));
    }

    private static SheetContent FiguresSheet(JsonElement metrics, IReadOnlyList<Target> targets)
    {
        var byMetric = targets.GroupBy(t => t.Metric, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        // benchmarks.md: England's published figure beside each benchmarked figure, its period and the figure's quarter (1 the best).
        string[] header = ["Key", "What it is", "Value", "Numerator", "Denominator", "Status", "Target", "Not covered by", "England", "England's period", "Quarter of councils"];
        var rows = new List<List<SheetCell>> { header.Select(h => SheetCell.Of(h, WorkbookStyles.Header)).ToList() };
        foreach (var metric in metrics.EnumerateObject())
        {
            var key = metric.Name;
            var status = metrics.TryGetProperty("status." + key, out var s) && s.GetProperty("value").ValueKind == JsonValueKind.String ? s.GetProperty("value").GetString()! : "";
            rows.Add(
            [
                SheetCell.Of(key), SheetCell.Of(FigureDescriptions.Of(key)), Value(metric.Value, "value"),
                Value(metric.Value, "numerator"), Value(metric.Value, "denominator"), SheetCell.Of(status),
                byMetric.TryGetValue(key, out var target) ? SheetCell.OfNumber((double)target.Value, CellKind.Decimal) : SheetCell.Of(""),
                SheetCell.Of(metric.Value.TryGetProperty("uncovered", out var files) ? string.Join(", ", files.EnumerateArray().Select(f => f.GetString())) : ""),
                Related($"benchmark.{key}.ENGLAND"), Related($"benchmark_period.{key}.ENGLAND"), Related($"quartile.{key}"),
            ]);
        }
        return new SheetContent("Figures", rows, [new TableBlock("Figures", 0, rows.Count - 1, header.Length)], 1, [44, 60, 14, 12, 12, 10, 10, 24, 12, 14, 12]);

        SheetCell Related(string key) => metrics.TryGetProperty(key, out var related) ? Value(related, "value") : SheetCell.Of("");
    }

    /// <summary>A figure's value as it is in metrics.json: a number exactly (not rounded for print), a word, or nothing.</summary>
    private static SheetCell Value(JsonElement metric, string property)
    {
        if (!metric.TryGetProperty(property, out var value)) return SheetCell.Of("");
        return value.ValueKind switch
        {
            JsonValueKind.Number => SheetCell.OfNumber(value.GetDouble(), value.TryGetInt64(out _) ? CellKind.Count : CellKind.Decimal),
            JsonValueKind.String => SheetCell.Of(value.GetString()!),
            JsonValueKind.True or JsonValueKind.False => SheetCell.Of(value.GetBoolean() ? "true" : "false"),
            _ => SheetCell.Of(""),
        };
    }

    /// <summary>One sheet per section that prints tables: each table under its name, header row first, a blank row between.</summary>
    private static IEnumerable<SheetContent> SectionSheets(IDocument document)
    {
        foreach (var section in HtmlEdition.NamedTables(document).GroupBy(t => t.Section))
        {
            var rows = new List<List<SheetCell>>();
            var tables = new List<TableBlock>();
            var widths = new List<double>();
            foreach (var (table, name, _) in section)
            {
                var grid = TableGrid.Read(table);
                if (grid.Body.Count == 0) continue;
                if (rows.Count > 0) rows.Add([]);
                rows.Add([SheetCell.Of(name, WorkbookStyles.Title)]);
                var headerRow = rows.Count;
                rows.Add(grid.Header.Select(h => SheetCell.Of(h, WorkbookStyles.Header)).ToList());
                rows.AddRange(grid.Body.Select(r => r.Select(SheetCell.Read).ToList()));
                tables.Add(new TableBlock(name, headerRow, rows.Count - 1, grid.Header.Count));
                for (var c = 0; c < grid.Header.Count; c++)
                {
                    var widest = grid.Body.Select(r => r[c].Length).Append(grid.Header[c].Length).Max();
                    var width = Math.Clamp(widest + 2, 10, 60);
                    if (c < widths.Count) widths[c] = Math.Max(widths[c], width); else widths.Add(width);
                }
            }
            if (tables.Count > 0) yield return new SheetContent(section.Key, rows, tables, tables[0].HeaderRow + 1, [.. widths]);
        }
    }

    /// <summary>Every <c>trend.KEY.YYYY-MM</c> figure as a row per figure and a column per month; a month without data left empty.</summary>
    private static SheetContent? TrendsSheet(JsonElement metrics)
    {
        var points = new SortedDictionary<string, SortedDictionary<string, JsonElement>>(StringComparer.Ordinal);
        foreach (var metric in metrics.EnumerateObject().Where(m => m.Name.StartsWith("trend.", StringComparison.Ordinal)))
        {
            var cut = metric.Name.LastIndexOf('.');
            var key = metric.Name["trend.".Length..cut];
            if (!points.TryGetValue(key, out var months)) points[key] = months = new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
            months[metric.Name[(cut + 1)..]] = metric.Value;
        }
        if (points.Count == 0) return null;
        var allMonths = points.Values.SelectMany(m => m.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var header = new List<SheetCell> { SheetCell.Of("Key", WorkbookStyles.Header), SheetCell.Of("What it is", WorkbookStyles.Header) };
        header.AddRange(allMonths.Select(m => SheetCell.Of(m, WorkbookStyles.Header)));
        var rows = new List<List<SheetCell>> { header };
        foreach (var (key, months) in points)
        {
            var row = new List<SheetCell> { SheetCell.Of(key), SheetCell.Of(FigureDescriptions.Of(key)) };
            row.AddRange(allMonths.Select(m => months.TryGetValue(m, out var v) ? Value(v, "value") : SheetCell.Of("")));
            rows.Add(row);
        }
        return new SheetContent("Trends", rows, [new TableBlock("Trends", 0, rows.Count - 1, header.Count)], 1,
            [40, 50, .. allMonths.Select(_ => 10.0)]);
    }

    private static void WriteSheet(WorksheetPart part, SheetContent sheet, ref uint tableId)
    {
        var worksheet = new Worksheet();
        if (sheet.FrozenRows > 0)
            worksheet.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = sheet.FrozenRows, TopLeftCell = $"A{sheet.FrozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0, TabSelected = tableId == 0 }));
        worksheet.Append(new Columns(sheet.Widths.Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })));
        // Excel needs each table column's name to be its header cell's text, unique in the table.
        var columnNames = sheet.Tables.Select(block =>
        {
            var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var names = Enumerable.Range(0, block.Columns).Select(c => UniqueColumnName(sheet.Rows[block.HeaderRow][c].Text, c, used)).ToList();
            sheet.Rows[block.HeaderRow] = names.Select(n => SheetCell.Of(n, WorkbookStyles.Header)).ToList();
            return names;
        }).ToList();
        var data = new SheetData();
        for (var r = 0; r < sheet.Rows.Count; r++)
        {
            var row = new Row { RowIndex = (uint)(r + 1) };
            for (var c = 0; c < sheet.Rows[r].Count; c++)
            {
                var cell = sheet.Rows[r][c];
                var reference = $"{ColumnName(c)}{r + 1}";
                row.Append(cell.Kind == CellKind.Text
                    ? new Cell { CellReference = reference, DataType = CellValues.InlineString, StyleIndex = cell.Style, InlineString = new InlineString(new Text(cell.Text) { Space = SpaceProcessingModeValues.Preserve }) }
                    : new Cell { CellReference = reference, StyleIndex = cell.Style, CellValue = new CellValue(cell.Number.ToString("R", CultureInfo.InvariantCulture)) });
            }
            data.Append(row);
        }
        worksheet.Append(data);
        var parts = new TableParts { Count = (uint)sheet.Tables.Count };
        foreach (var (block, names) in sheet.Tables.Zip(columnNames))
        {
            tableId++;
            var relationship = $"rIdTable{tableId}";
            var range = $"A{block.HeaderRow + 1}:{ColumnName(block.Columns - 1)}{block.LastRow + 1}";
            var columns = new TableColumns { Count = (uint)block.Columns };
            columns.Append(names.Select((name, c) => new TableColumn { Id = (uint)(c + 1), Name = name }));
            part.AddNewPart<TableDefinitionPart>(relationship).Table = new Table(new AutoFilter { Reference = range }, columns,
                new TableStyleInfo { Name = "TableStyleLight1", ShowRowStripes = true, ShowColumnStripes = false, ShowFirstColumn = false, ShowLastColumn = false })
            {
                Id = tableId, Name = $"Table{tableId}", DisplayName = $"Table{tableId}", Reference = range, TotalsRowShown = false,
            };
            parts.Append(new TablePart { Id = relationship });
        }
        if (sheet.Tables.Count > 0) worksheet.Append(parts);
        part.Worksheet = worksheet;
    }

    private static string UniqueColumnName(string text, int column, HashSet<string> used)
    {
        var name = string.IsNullOrWhiteSpace(text) ? $"Column {column + 1}" : text.Trim();
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++) candidate = $"{name} ({n})";
        return candidate;
    }

    /// <summary>Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\, unique whatever the case.</summary>
    private static string UniqueSheetName(string title, HashSet<string> used)
    {
        var clean = new string(title.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim().Trim('\'');
        if (clean.Length == 0) clean = "Section";
        var name = clean.Length > 31 ? clean[..31].TrimEnd() : clean;
        for (var n = 2; !used.Add(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)].TrimEnd() : clean) + suffix;
        }
        return name;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
