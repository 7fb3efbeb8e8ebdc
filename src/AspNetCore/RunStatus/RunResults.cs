using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Inquir.Typed.AspNetCore;

/// <summary>Turns a started run into the HTTP answer for work that goes on in the background.</summary>
public static class RunResults
{
    /// <summary>
    /// <c>202 Accepted</c> with <c>Location</c> set to <paramref name="location"/> with the run id in place of
    /// <c>{id}</c> (where <c>MapRunStatus</c> answers), and a body <c>{"id": …, "created": …, "location": …}</c>.
    /// A start that found an earlier run by its idempotency key answers the same, with <c>"created": false</c>.
    /// </summary>
    /// <param name="run">The started run.</param>
    /// <param name="location">The status URL, such as <c>"/exports/{id}"</c>.</param>
    /// <example>
    /// <code>
    /// app.MapPost("/exports", async (ExportRequest request, IWorkflowClient workflows) =&gt;
    ///     RunResults.Accepted(await workflows.StartExportDataAsync(request), "/exports/{id}"));
    /// </code>
    /// </example>
    public static IResult Accepted<TResult>(WorkflowRun<TResult> run, string location)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Accepted(new StartedRun(run.Id, run.Created), location);
    }

    /// <summary><c>202 Accepted</c> for a run started through <see cref="IWorkflowClient.StartAsync(WorkflowDescriptor, string, StartOptions?, CancellationToken)"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="location"/> has no <c>{id}</c>.</exception>
    public static IResult Accepted(StartedRun run, string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!location.Contains("{id}", StringComparison.Ordinal))
        {
            throw new ArgumentException($"The status location \"{location}\" has no {{id}} to put the run id in.", nameof(location));
        }

        return new AcceptedRunResult(run, location.Replace("{id}", run.Id.ToString("D"), StringComparison.Ordinal));
    }

    /// <summary><c>202 Accepted</c> with the run id and no <c>Location</c>, for endpoints that map no status route.</summary>
    internal static IResult AcceptedWithoutLocation(StartedRun run) => new AcceptedRunResult(run, null);

    private sealed class AcceptedRunResult(StartedRun run, string? location) : IResult, IStatusCodeHttpResult
    {
        public int? StatusCode => StatusCodes.Status202Accepted;

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status202Accepted;
            if (location is not null)
            {
                response.Headers.Location = location;
            }

            response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(response.BodyWriter, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            writer.WriteStartObject();
            writer.WriteString("id", run.Id);
            writer.WriteBoolean("created", run.Created);
            if (location is not null)
            {
                writer.WriteString("location", location);
            }

            writer.WriteEndObject();
            await writer.FlushAsync(httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
