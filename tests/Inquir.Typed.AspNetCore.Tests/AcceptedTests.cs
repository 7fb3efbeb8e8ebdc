using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Inquir.Typed.AspNetCore.Tests;

public sealed class AcceptedTests
{
    private static Task<TestApp> AppAsync() => TestApp.StartAsync(app =>
    {
        app.MapPost("/doublings", async (DoublingRequest request, IWorkflowClient workflows) =>
            RunResults.Accepted(await workflows.StartDoublingAsync(request.Value, idempotencyKey: request.Key), "/doublings/{id}"));
        app.MapRunStatus<Doubling>("/doublings/{id}");
    });

    [Fact]
    public async Task A_started_run_is_202_with_the_Location_of_its_status()
    {
        await using var app = await AppAsync();

        var response = await app.Http.PostAsJsonAsync("/doublings", new DoublingRequest(4, "k-1"));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/doublings/{id}", response.Headers.Location!.ToString());
        Assert.True(body.GetProperty("created").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync(response.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task A_repeated_start_with_the_same_key_is_202_for_the_same_run()
    {
        await using var app = await AppAsync();

        var first = await app.Http.PostAsJsonAsync("/doublings", new DoublingRequest(4, "k-2"));
        var second = await app.Http.PostAsJsonAsync("/doublings", new DoublingRequest(4, "k-2"));

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(JsonDocument.Parse(await second.Content.ReadAsStringAsync()).RootElement.GetProperty("created").GetBoolean());
    }

    [Fact]
    public void A_location_without_an_id_is_refused() =>
        Assert.Throws<ArgumentException>(() => RunResults.Accepted(new StartedRun(Guid.NewGuid(), true), "/doublings"));
}

public sealed record DoublingRequest(int Value, string Key);
