using System.Globalization;
using AngleSharp;
using AngleSharp.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using Svg = DocumentFormat.OpenXml.Office2019.Drawing.SVG;

namespace ReportEngine.Editions;

/// <summary>
/// The Word edition's charts: each chart's SVG as a picture (Word 2016 and later, and LibreOffice, draw SVG), with the
/// page's chart styles inside it and its text alternative as the picture's description. The format asks for a PNG beside
/// an SVG for older programs; ours is one white pixel, so that the document stays byte for byte what its snapshot makes
/// (no browser draws it), and the chart's values are in the table beneath it for anyone whose program shows no SVG.
/// </summary>
internal sealed class WordPictures(MainDocumentPart main, string chartStyles)
{
    /// <summary>A 1×1 white PNG.</summary>
    private static readonly byte[] Fallback = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC");

    /// <summary>The widest a picture is drawn: the page's width between its margins (EMU).</summary>
    private const long MostWidth = 6_120_000;

    private uint _count;
    private bool _fallbackAdded;

    public DocumentFormat.OpenXml.Wordprocessing.Drawing Add(IElement svg, string description)
    {
        var n = ++_count;
        var (width, height) = Size(svg);
        var standalone = (IElement)svg.Clone();
        standalone.SetAttribute("width", width.ToString(CultureInfo.InvariantCulture));
        standalone.SetAttribute("height", height.ToString(CultureInfo.InvariantCulture));
        var style = svg.Owner!.CreateElement("style");
        style.TextContent = chartStyles;
        standalone.Prepend(style);
        var svgPart = main.AddImagePart(ImagePartType.Svg, $"rIdSvg{n}");
        using (var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(standalone.ToHtml(AngleSharp.Xhtml.XhtmlMarkupFormatter.Instance)))) svgPart.FeedData(stream);
        if (!_fallbackAdded)
        {
            // One fallback for every chart.
            using var stream = new MemoryStream(Fallback);
            main.AddImagePart(ImagePartType.Png, "rIdFallback").FeedData(stream);
            _fallbackAdded = true;
        }

        var cx = MostWidth;
        var cy = (long)(MostWidth * height / width);
        var blip = new A.Blip(new A.BlipExtensionList(new A.BlipExtension(new Svg.SVGBlip { Embed = $"rIdSvg{n}" })
            { Uri = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}" })) { Embed = "rIdFallback" };
        return new DocumentFormat.OpenXml.Wordprocessing.Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = n, Name = $"Chart {n}", Description = description },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = n, Name = $"chart{n}.svg", Description = description },
                    new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(blip, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
    }

    /// <summary>The chart's drawing size, from its viewBox.</summary>
    private static (double Width, double Height) Size(IElement svg)
    {
        var box = (svg.GetAttribute("viewBox") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return box.Length == 4 && double.TryParse(box[2], CultureInfo.InvariantCulture, out var w) && double.TryParse(box[3], CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0
            ? (w, h) : (600, 300);
    }
}
