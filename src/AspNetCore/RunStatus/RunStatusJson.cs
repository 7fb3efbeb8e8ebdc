using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>
/// Writes a run as the status endpoint answers it (relaxed escaping: the body is JSON for API clients, never HTML). The result is the checkpoint JSON the workflow's generated
/// serializer stored, written as it is: no reflection and no second serializer between the workflow and the client.
/// </summary>
internal static class RunStatusJson
{
    public static async Task WriteAsync(HttpResponse response, RunInfo run, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        writer.WriteStartObject();
        writer.WriteString("id", run.Id);
        writer.WriteString("workflow", run.Workflow);
        writer.WriteString("status", run.Status.ToString().ToLowerInvariant());
        WriteStringOrNull(writer, "step", run.CurrentStep);
        writer.WriteNumber("attempt", run.Attempt);
        WriteStringOrNull(writer, "lastError", run.Error);
        writer.WriteString("createdAt", run.CreatedAt);
        writer.WriteString("updatedAt", run.UpdatedAt);
        WriteTimeOrNull(writer, "completedAt", run.CompletedAt);
        WriteTimeOrNull(writer, "nextAttemptAt", run.NextAttemptAt);
        writer.WritePropertyName("result");
        if (run.Status == RunStatus.Succeeded && run.Result is { } result)
        {
            writer.WriteRawValue(result, skipInputValidation: false);
        }
        else
        {
            writer.WriteNullValue();
        }

        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteTimeOrNull(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            writer.WriteString(name, time);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
