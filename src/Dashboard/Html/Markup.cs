using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;

namespace Inquir.Typed.Dashboard.Html;

/// <summary>
/// A piece of HTML that is safe to write as it is. The only way to make one from text is <see cref="Of"/>, whose
/// interpolation holes are HTML-encoded unless they are markup themselves, so a value from the database can never
/// become a tag.
/// </summary>
internal readonly struct Markup
{
    private readonly string? _value;

    private Markup(string value) => _value = value;

    public static Markup Empty => default;

    public string Value => _value ?? string.Empty;

    /// <summary>Builds markup from an interpolated string: literals are written as they are, holes are encoded.</summary>
    public static Markup Of(ref MarkupHandler html) => new(html.ToStringAndClear());

    /// <summary>Text, encoded.</summary>
    public static Markup Text(string? text) => new(HtmlEncoder.Default.Encode(text ?? string.Empty));

    public static Markup Join(IEnumerable<Markup> parts) => new(string.Concat(parts.Select(p => p.Value)));

    public static Markup When(bool condition, Markup markup) => condition ? markup : Empty;

    internal static Markup Trusted(string html) => new(html);

    public override string ToString() => Value;
}

/// <summary>Writes interpolated literals as they are and encodes every hole that is not <see cref="Markup"/>.</summary>
[InterpolatedStringHandler]
internal ref struct MarkupHandler
{
    private readonly StringBuilder _builder;

    public MarkupHandler(int literalLength, int formattedCount) => _builder = new StringBuilder(literalLength + formattedCount * 16);

    public readonly void AppendLiteral(string literal) => _builder.Append(literal);

    public readonly void AppendFormatted(Markup markup) => _builder.Append(markup.Value);

    public readonly void AppendFormatted(IEnumerable<Markup> parts)
    {
        foreach (var part in parts)
        {
            _builder.Append(part.Value);
        }
    }

    public readonly void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public readonly void AppendFormatted<T>(T value, string? format)
    {
        // A list of markup binds here rather than to the IEnumerable overload; it is markup all the same.
        if (value is IEnumerable<Markup> parts)
        {
            AppendFormatted(parts);
            return;
        }

        var text = value switch
        {
            null => string.Empty,
            IFormattable formattable => formattable.ToString(format, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        _builder.Append(HtmlEncoder.Default.Encode(text));
    }

    public readonly string ToStringAndClear()
    {
        var text = _builder.ToString();
        _builder.Clear();
        return text;
    }
}
