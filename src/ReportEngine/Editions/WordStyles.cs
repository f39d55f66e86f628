using DocumentFormat.OpenXml.Wordprocessing;

namespace ReportEngine.Editions;

/// <summary>The Word edition's styles: Word's own Normal and Heading 1–3 (outline levels for navigation), and ours for the rest.</summary>
internal static class WordStyles
{
    public const string Marking = "Marking", Caption = "Caption", ListItem = "ListItem", Term = "Term", Table = "ReportTable",
        TableHeading = "TableHeading", TableText = "TableText";

    public static Styles Create() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                new FontSize { Val = "22" }, new Languages { Val = "en-GB" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
        Heading(1, "36", "1D4F91"), Heading(2, "28", "1D4F91"), Heading(3, "24", "0B0C0C"),
        Paragraph(Caption, "Caption", new StyleRunProperties(new Bold())),
        Paragraph(Marking, "Marking", new StyleRunProperties(new Bold()), new StyleParagraphProperties(new Justification { Val = JustificationValues.Center })),
        Paragraph(ListItem, "List item", null, new StyleParagraphProperties(new Indentation { Left = "360", Hanging = "360" })),
        Paragraph(Term, "Term", new StyleRunProperties(new Bold()), new StyleParagraphProperties(new KeepNext())),
        Paragraph(TableHeading, "Table heading", new StyleRunProperties(new Bold(), new FontSize { Val = "18" }), new StyleParagraphProperties(new SpacingBetweenLines { After = "0" })),
        Paragraph(TableText, "Table text", new StyleRunProperties(new FontSize { Val = "18" }), new StyleParagraphProperties(new SpacingBetweenLines { After = "0" })),
        new Style(
            new StyleName { Val = "Report table" },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" }, new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "B1B4B6" }),
                new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa })))
        { Type = StyleValues.Table, StyleId = Table });

    private static Style Heading(int level, string size, string colour) => new(
        new StyleName { Val = $"heading {level}" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
        new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = level == 1 ? "360" : "240", After = "120" }, new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new Color { Val = colour }, new FontSize { Val = size }))
    { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };

    private static Style Paragraph(string id, string name, StyleRunProperties? run, StyleParagraphProperties? paragraph = null)
    {
        var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = true };
        if (paragraph is not null) style.Append(paragraph);
        if (run is not null) style.Append(run);
        return style;
    }
}
