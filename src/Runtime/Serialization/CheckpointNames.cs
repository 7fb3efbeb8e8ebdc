using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace Inquir.Typed.Generated;

/// <summary>
/// The JSON property names of one checkpoint type, held once by its generated serializer: pre-encoded for writing, and
/// as UTF-8 for matching while reading, so that a generated read is one <c>switch</c> over the index that
/// <see cref="Next"/> returns rather than one comparison per property. For generated code; not meant to be used by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CheckpointNames
{
    private readonly JsonEncodedText[] _encoded;
    private readonly byte[][] _utf8;

    /// <summary>Holds <paramref name="names"/>; a name's index is its position here.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> or one of its names is null.</exception>
    public CheckpointNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _encoded = new JsonEncodedText[names.Length];
        _utf8 = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] is null)
            {
                throw new ArgumentNullException(nameof(names), $"Name {i} of the checkpoint names is null.");
            }

            _encoded[i] = JsonEncodedText.Encode(names[i]);
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        }
    }

    /// <summary>How many names there are.</summary>
    public int Count => _utf8.Length;

    /// <summary>The name at <paramref name="index"/>, encoded for <see cref="Utf8JsonWriter"/>.</summary>
    public JsonEncodedText this[int index] => _encoded[index];

    /// <summary>
    /// Inside an object being read: moves to its next property that has one of these names, skipping every other
    /// property, and leaves the reader at that property's value.
    /// </summary>
    /// <param name="reader">A reader inside an object, at its start or at the last token of a property's value.</param>
    /// <param name="index">The index of the property's name; -1 when there is none.</param>
    /// <returns>False at the end of the object (or of the input).</returns>
    public bool Next(ref Utf8JsonReader reader, out int index)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            for (var i = 0; i < _utf8.Length; i++)
            {
                if (reader.ValueTextEquals(_utf8[i]))
                {
                    reader.Read();
                    index = i;
                    return true;
                }
            }

            reader.Read();
            reader.Skip();
        }

        index = -1;
        return false;
    }
}
