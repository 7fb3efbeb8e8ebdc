using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>
/// Reads a request body up to the API's limit and binds it, so that a body over the limit is a 413 read no further, and
/// a field that does not fit (or is unknown: a misspelt option must not be dropped silently) is a 400 naming it.
/// </summary>
internal static class ApiBody
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <returns>The bound body (a default one for an empty body), or the problem to answer.</returns>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context, int maxBytes, Func<T> empty)
        where T : class
    {
        var bytes = await WebhookBody.ReadAsync(context.Request, maxBytes, context.RequestAborted).ConfigureAwait(false);
        if (bytes is null)
        {
            return (null, ApiProblems.TooLarge(maxBytes));
        }

        if (bytes.Length == 0)
        {
            return (empty(), null);
        }

        try
        {
            return (JsonSerializer.Deserialize<T>(bytes, Options) ?? empty(), null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadField(FieldOf(e.Path), e.Message));
        }
    }

    // "$.priority" is the field "priority"; "$" (a body that is not an object, or not JSON) is the body itself.
    private static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
}
