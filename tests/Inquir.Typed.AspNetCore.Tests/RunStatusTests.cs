using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Inquir.Typed.AspNetCore.Tests;

public sealed class RunStatusTests
{
    private static Task<TestApp> AppAsync(bool worker = false) => TestApp.StartAsync(app => app.MapRunStatus<Doubling>("/doublings/{id}"), worker);

    private static async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(TestApp app, string path)
    {
        var response = await app.Http.GetAsync(path);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    [Fact]
    public async Task A_pending_run_shows_its_status_step_and_attempt_and_no_result()
    {
        await using var app = await AppAsync();
        var run = await app.Client.StartDoublingAsync(21);

        var (status, body) = await GetAsync(app, $"/doublings/{run.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(run.Id, body.GetProperty("id").GetGuid());
        Assert.Equal("doubling", body.GetProperty("workflow").GetString());
        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal("Double", body.GetProperty("step").GetString());
        Assert.Equal(0, body.GetProperty("attempt").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("lastError").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("result").ValueKind);
    }

    [Fact]
    public async Task A_succeeded_run_carries_its_typed_result_as_json()
    {
        await using var app = await AppAsync(worker: true);
        var run = await app.Client.StartDoublingAsync(21);
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        var (status, body) = await GetAsync(app, $"/doublings/{run.Id}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("succeeded", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("attempt").GetInt32());
        Assert.Equal(42, body.GetProperty("result").GetProperty("Value").GetInt32());
        Assert.Equal("twice 21", body.GetProperty("result").GetProperty("Note").GetString());
    }

    [Fact]
    public async Task A_retrying_run_shows_its_last_error()
    {
        await using var app = await AppAsync(worker: true);
        app.Services.GetRequiredService<DoublingGate>().Fail = true;
        var run = await app.Client.StartDoublingAsync(5);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement body;
        do
        {
            await Task.Delay(50);
            (_, body) = await GetAsync(app, $"/doublings/{run.Id}");
        }
        while (body.GetProperty("lastError").ValueKind == JsonValueKind.Null && DateTime.UtcNow < deadline);

        Assert.Equal("pending", body.GetProperty("status").GetString());
        Assert.Equal(1, body.GetProperty("attempt").GetInt32());
        Assert.Contains("the doubler is out of order", body.GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.String, body.GetProperty("nextAttemptAt").ValueKind);
    }

    [Fact]
    public async Task An_unknown_id_is_404()
    {
        await using var app = await AppAsync();

        var (status, body) = await GetAsync(app, $"/doublings/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(404, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_run_of_another_workflow_is_404_on_a_workflow_s_endpoint()
    {
        await using var app = await AppAsync();
        var other = await app.Client.StartRecordPaymentAsync(new PaymentEvent("payment.succeeded", new PaymentData("pay_1", 1m, "EUR")));

        var (status, _) = await GetAsync(app, $"/doublings/{other.Id}");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("12345")]
    public async Task A_malformed_id_is_400_naming_it(string id)
    {
        await using var app = await AppAsync();

        var (status, body) = await GetAsync(app, $"/doublings/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"\"{id}\" is not a run id", body.GetProperty("detail").GetString());
    }

    [Fact]
    public void A_status_route_without_an_id_parameter_is_refused() =>
        Assert.Throws<ArgumentException>(() => WebApplication.CreateSlimBuilder().Build().MapRunStatus("/exports/{runId}"));
}
