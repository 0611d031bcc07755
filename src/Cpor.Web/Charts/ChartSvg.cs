using System.Globalization;
using System.Text;
using System.Xml;

namespace Cpor.Web.Charts;

/// <summary>
/// What the server-side SVG charts (<see cref="UsageChart"/>, <see cref="BarChart"/>) share: the
/// palette, the accessible root element, and writing texts and coordinates safely. Colours are
/// presentation attributes, not <c>style</c>: the UI's Content-Security-Policy forbids inline
/// styles, never attributes, so an inlined chart keeps its colours under it.
/// </summary>
internal static class ChartSvg
{
    public const string Namespace = "http://www.w3.org/2000/svg";

    /// <summary>Titles, legends and values.</summary>
    public const string Ink = "#1f2328";

    /// <summary>Axes, tick labels and axis titles (7:1 on white).</summary>
    public const string Muted = "#57606a";

    /// <summary>Grid lines: light, they only guide the eye.</summary>
    public const string Grid = "#d0d7de";

    /// <summary>A reference line (a target): the UI's danger red, 6:1 on white.</summary>
    public const string Reference = "#b3261e";

    /// <summary>Series colours, each at least 4.5:1 on white; charts also tell series apart by dash, marker or hatching.</summary>
    public static readonly string[] Colours = ["#0b5cad", "#b54708", "#1a7f37", "#6f42c1"];

    private const string FontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

    /// <summary>
    /// Opens the root <c>svg</c>, named by its <c>title</c> and described by its <c>desc</c>, and draws
    /// the visible title. The caller writes the body and closes the element.
    /// </summary>
    public static void Start(XmlWriter w, string id, int width, int height, CultureInfo culture, string cssClass, string title, string description)
    {
        w.WriteStartElement("svg", Namespace);
        Attr(w, "width", width);
        Attr(w, "height", height);
        w.WriteAttributeString("viewBox", $"0 0 {width} {height}");
        w.WriteAttributeString("role", "img");
        w.WriteAttributeString("aria-labelledby", $"{id}-title {id}-desc");
        w.WriteAttributeString("lang", culture.Name);
        w.WriteAttributeString("class", cssClass);
        w.WriteAttributeString("font-family", FontFamily);

        Element(w, "title", title, ("id", $"{id}-title"));
        Element(w, "desc", description, ("id", $"{id}-desc"));
    }

    /// <summary>The visible heading repeats the title: hidden from screen readers, which read <c>title</c>.</summary>
    public static void Heading(XmlWriter w, double x, string title) =>
        Text(w, x, 28, title, "start", 16, ("font-weight", "600"), ("fill", Ink), ("aria-hidden", "true"));

    public static XmlWriter Writer(StringBuilder text) =>
        XmlWriter.Create(text, new XmlWriterSettings { OmitXmlDeclaration = true, Indent = false, Encoding = Encoding.UTF8 });

    public static void Line(XmlWriter w, double x1, double y1, double x2, double y2, string stroke, string? dash = null, double width = 1)
    {
        w.WriteStartElement("line", Namespace);
        Attr(w, "x1", x1);
        Attr(w, "y1", y1);
        Attr(w, "x2", x2);
        Attr(w, "y2", y2);
        w.WriteAttributeString("stroke", stroke);
        Attr(w, "stroke-width", width);
        if (dash is not null)
        {
            w.WriteAttributeString("stroke-dasharray", dash);
        }

        w.WriteEndElement();
    }

    public static void Text(XmlWriter w, double x, double y, string value, string anchor, int size, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement("text", Namespace);
        Attr(w, "x", x);
        Attr(w, "y", y);
        w.WriteAttributeString("text-anchor", anchor);
        w.WriteAttributeString("font-size", size.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, attributeValue) in attributes)
        {
            w.WriteAttributeString(name, attributeValue);
        }

        w.WriteString(XmlText(value));
        w.WriteEndElement();
    }

    public static void Element(XmlWriter w, string name, string value, params (string Name, string Value)[] attributes)
    {
        w.WriteStartElement(name, Namespace);
        foreach (var (attribute, attributeValue) in attributes)
        {
            w.WriteAttributeString(attribute, attributeValue);
        }

        w.WriteString(XmlText(value));
        w.WriteEndElement();
    }

    public static void Attr(XmlWriter w, string name, double value) => w.WriteAttributeString(name, Number(value));

    /// <summary>Coordinates in the invariant culture whatever the reader's, so the markup stays valid in French and Italian.</summary>
    public static string Number(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>No text metrics without a browser: an average glyph width of a 12-pixel sans-serif keeps texts apart.</summary>
    public static double TextWidth(string text, int size = 12) => text.Length * size * 0.6;

    /// <summary>Drops what XML cannot carry (control characters, lone surrogates) instead of failing the whole chart.</summary>
    public static string XmlText(string value)
    {
        var clean = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                clean.Append(value, i, 2);
                i++;
            }
            else if (XmlConvert.IsXmlChar(value[i]))
            {
                clean.Append(value[i]);
            }
        }

        return clean.ToString();
    }

    /// <summary>Ids keep to letters, digits, '-' and '_' so the prefix cannot break out of the attribute.</summary>
    public static string SafeId(string prefix)
    {
        var id = new string(prefix.Where(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_').ToArray());
        return id.Length == 0 || !char.IsAsciiLetter(id[0]) ? "chart-" + id : id;
    }

    /// <summary>A tick step of 1, 2, 2.5 or 5 times a power of ten, about four steps up to the maximum.</summary>
    public static (int Step, int Top) Ticks(int max)
    {
        if (max <= 0)
        {
            return (1, 1);
        }

        var rough = max / 4.0;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var residual = rough / magnitude;
        var nice = residual switch
        {
            <= 1 => 1,
            <= 2 => 2,
            <= 2.5 => 2.5,
            <= 5 => 5,
            _ => 10,
        };
        var step = Math.Max(1, (int)Math.Ceiling(nice * magnitude));
        var top = (int)Math.Ceiling(max / (double)step) * step;
        return (step, top);
    }
}
