using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inquir.Typed;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ApprovalSample;

/// <summary>
/// The tour: three orders wait for an approval. The first is approved by a signed webhook delivery POSTed over real
/// HTTP (then redelivered, and forged); the second gets its refusal before its run reaches the wait, and takes it
/// there; nobody answers the third, whose last step gets the timeout as an <see cref="EventResult{T}"/>. Sets a
/// non-zero exit code when anything ends otherwise.
/// </summary>
internal static class ApproverDemo
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(WebApplication app)
    {
        var problems = new List<string>();
        try
        {
            var client = app.Services.GetRequiredService<IWorkflowClient>();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var secret = app.Configuration["Inquir:WebhookEvents:order-approval:approval:Secret"]!;
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var tour = Guid.NewGuid().ToString("N")[..8];   // keys of their own, so that the tour runs again on the same file

            // 1. Approved by a signed webhook delivery, once the run waits.
            var approvedKey = "order-1042-" + tour;
            var approved = await client.StartOrderApprovalAsync(new Order("1042", 129.90m), approvedKey);
            await WaitingAsync(approved);
            var body = JsonSerializer.Serialize(new Approval("ann@example.com", true));
            var deliveryId = "msg_" + tour;
            Expect(problems, "the signed delivery", await PostAsync(http, approvedKey, deliveryId, body, secret), HttpStatusCode.Accepted, "Delivered");
            Expect(problems, "the same delivery again", await PostAsync(http, approvedKey, deliveryId, body, secret), HttpStatusCode.Accepted, "Duplicate");
            var forger = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            Expect(problems, "a forged delivery", await PostAsync(http, approvedKey, "msg_forged", body, forger), HttpStatusCode.Unauthorized, null);

            // 2. Refused before the run reaches its wait: the run starts a second from now, the event is kept for it.
            var early = await client.StartOrderApprovalAsync(new Order("1043", 15_000m), new StartOptions { IdempotencyKey = "order-1043-" + tour, Delay = TimeSpan.FromSeconds(1) });
            var kept = await client.SendOrderApprovalApprovalAsync(early.Id, new Approval("bob@example.com", false), eventId: "mail-" + tour);
            Console.WriteLine($"approver> refusal sent to run {early.Id} before it waits -> {kept.Delivery}");
            if (kept.Delivery != EventDelivery.Kept)
            {
                problems.Add($"the early refusal was {kept.Delivery}, not Kept");
            }

            // 3. Nobody answers: after the four-second timeout the last step decides on a timed-out EventResult.
            var unanswered = await client.StartOrderApprovalAsync(new Order("1044", 48.00m), "order-1044-" + tour);

            await ResultAsync(problems, approved, "approved by ann@example.com (event " + deliveryId + ")");
            await ResultAsync(problems, early, "refused by bob@example.com (event mail-" + tour + ")");
            await ResultAsync(problems, unanswered, "no answer in time: escalated to a manager");
        }
        catch (Exception e)
        {
            problems.Add($"the tour failed: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            foreach (var problem in problems)
            {
                Console.Error.WriteLine("approver> PROBLEM: " + problem);
            }

            Console.WriteLine(problems.Count == 0 ? "approver> every run ended as it should" : $"approver> {problems.Count} problem(s)");
            Environment.ExitCode = problems.Count == 0 ? 0 : 1;
            await app.StopAsync();
        }
    }

    private static async Task WaitingAsync(WorkflowRun<string> run)
    {
        var deadline = DateTime.UtcNow + Limit;
        while ((await run.GetInfoAsync()).Status != RunStatus.Waiting)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"run {run.Id} did not reach its wait");
            }

            await Task.Delay(50);
        }

        Console.WriteLine($"approver> run {run.Id} waits for its approval, holding no worker");
    }

    private static async Task ResultAsync(List<string> problems, WorkflowRun<string> run, string expected)
    {
        var result = await run.WaitAsync(Limit);
        Console.WriteLine($"approver> run {run.Id} ended: {result}");
        if (result != expected)
        {
            problems.Add($"run {run.Id} ended with \"{result}\", not \"{expected}\"");
        }
    }

    private static void Expect(List<string> problems, string what, (HttpStatusCode Status, string Body) answer, HttpStatusCode status, string? delivery)
    {
        var ok = answer.Status == status && (delivery is null || answer.Body.Contains($"\"delivery\":\"{delivery}\"", StringComparison.Ordinal));
        if (!ok)
        {
            problems.Add($"{what} was answered {(int)answer.Status} {answer.Body}, not {(int)status}{(delivery is null ? "" : " " + delivery)}");
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient http, string key, string id, string body, string secret)
    {
        // Standard Webhooks 1.0: HMAC-SHA256 over "{id}.{timestamp}.{body}" with the base64 key after "whsec_".
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(secret["whsec_".Length..]), Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/approvals/" + Uri.EscapeDataString(key)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", "v1," + signature);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Console.WriteLine($"approver> POST /approvals/{key} (webhook-id {id}) -> {(int)response.StatusCode} {text}");
        return (response.StatusCode, text);
    }
}
