using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Inquir.Typed.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Inquir.Typed.Tests.Notifications;

/// <summary>
/// A real Kestrel on 127.0.0.1 that receives per-run notifications at <c>/notify</c>: it checks each post's signature
/// with the receiver-side <see cref="StandardWebhookVerifier"/>, keeps what it was sent, and answers with the status
/// codes it is given, then 200.
/// </summary>
public sealed class SignedWebhookReceiver : IAsyncDisposable
{
    /// <summary>The secret the test's webhook is configured with.</summary>
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;
    private readonly ConcurrentQueue<Post> _posts = new();

    private SignedWebhookReceiver(WebApplication app, IEnumerable<int> answers)
    {
        _app = app;
        _answers = new ConcurrentQueue<int>(answers);
    }

    /// <summary>One post as it arrived.</summary>
    /// <param name="Verification">What the receiver-side verifier said about its signature and timestamp.</param>
    public sealed record Post(string? WebhookId, WebhookVerification Verification, JsonObject Body, DateTime ReceivedAt);

    public IReadOnlyList<Post> Posts => _posts.ToArray();

    public Uri Url => new(_app.Urls.Single() + "/notify");

    public static async Task<SignedWebhookReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new SignedWebhookReceiver(app, answers);
        var verifier = new StandardWebhookVerifier([Secret], TimeSpan.FromMinutes(5));
        app.MapPost("/notify", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var verification = verifier.Verify(request.Headers, body, DateTimeOffset.UtcNow);
            receiver._posts.Enqueue(new Post(request.Headers["webhook-id"].SingleOrDefault(), verification, JsonNode.Parse(body)!.AsObject(), DateTime.UtcNow));
            return Results.StatusCode(receiver._answers.TryDequeue(out var status) ? status : 200);
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
