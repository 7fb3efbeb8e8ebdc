using System.Buffers;
using System.Text.Json;

namespace Inquir.Typed;

/// <summary>
/// One reusable JSON writer and buffer per thread, so that encoding a checkpoint allocates only its resulting string.
/// </summary>
internal static class ThreadJsonWriter
{
    // A buffer that grew past this is dropped after use, so that one huge checkpoint does not pin its memory forever.
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>A writer reset onto an empty buffer; valid until the next call on the same thread.</summary>
    public static Utf8JsonWriter Rent(out ArrayBufferWriter<byte> buffer)
    {
        buffer = t_buffer is { Capacity: <= KeptCapacity } kept ? kept : new ArrayBufferWriter<byte>(256);
        buffer.ResetWrittenCount();
        t_buffer = buffer;
        if (t_writer is null)
        {
            t_writer = new Utf8JsonWriter(buffer);
        }
        else
        {
            t_writer.Reset(buffer);
        }

        return t_writer;
    }
}
