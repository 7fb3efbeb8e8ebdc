using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Tests.Alerts;

/// <summary>A real Kestrel on 127.0.0.1 that keeps every body posted to <c>/hook</c> and answers with the status codes it is given, then 200.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;
    private readonly ConcurrentQueue<JsonObject> _bodies = new();
    private readonly ConcurrentQueue<string?> _webhookIds = new();

    private WebhookReceiver(WebApplication app, IEnumerable<int> answers)
    {
        _app = app;
        _answers = new ConcurrentQueue<int>(answers);
    }

    public IReadOnlyList<JsonObject> Bodies => _bodies.ToArray();

    /// <summary>The <c>webhook-id</c> header of each post, in order.</summary>
    public IReadOnlyList<string?> WebhookIds => _webhookIds.ToArray();

    public Uri Url => new(_app.Urls.Single() + "/hook");

    public static async Task<WebhookReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, answers);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            receiver._webhookIds.Enqueue(request.Headers["webhook-id"].SingleOrDefault());
            receiver._bodies.Enqueue((await JsonNode.ParseAsync(request.Body))!.AsObject());
            return Results.StatusCode(receiver._answers.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
