using System.Buffers.Binary;

namespace Inquir.Typed;

/// <summary>
/// The keyset of the last run on a page, (created_at, id), as an opaque URL-safe string. It carries no filter,
/// so a cursor only makes sense with the query that produced it.
/// </summary>
internal readonly record struct RunCursor(DateTimeOffset CreatedAt, Guid Id)
{
    private const byte Version = 1;
    private const int Length = 1 + 8 + 16;

    public string Encode()
    {
        Span<byte> bytes = stackalloc byte[Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes[1..], CreatedAt.UtcTicks);
        Id.TryWriteBytes(bytes[9..], bigEndian: true, out _);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static RunCursor Decode(string text, string paramName)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - base64.Length % 4) % 4);
        Span<byte> bytes = stackalloc byte[Length + 3];
        if (!Convert.TryFromBase64String(base64, bytes, out var written) || written != Length || bytes[0] != Version)
        {
            throw new ArgumentException($"The cursor \"{text}\" was not made by a history search.", paramName);
        }

        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            throw new ArgumentException($"The cursor \"{text}\" was not made by a history search.", paramName);
        }

        return new RunCursor(new DateTimeOffset(ticks, TimeSpan.Zero), new Guid(bytes[9..Length], bigEndian: true));
    }
}
