using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>Reads a request body up to a limit, without reading (or buffering) any byte past it.</summary>
internal static class WebhookBody
{
    /// <returns>The body, or <see langword="null"/> when it is longer than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = read.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.Start, buffer.End);
                return null;
            }

            if (read.IsCompleted)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }

            // Nothing is consumed until the whole body is in: the pipe keeps what came so far.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}
