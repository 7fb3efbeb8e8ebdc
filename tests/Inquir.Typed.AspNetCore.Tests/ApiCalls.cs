using System.Net;
using System.Text;
using System.Text.Json;

namespace Inquir.Typed.AspNetCore.Tests;

/// <summary>Calls of the management API over the test server's HTTP client, answering the status and the JSON body.</summary>
public static class ApiCalls
{
    public const string Prefix = "/inquir/api";

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> GetAsync(this TestApp app, string path, string? operatorName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Prefix + path);
        return await app.SendAsync(request, operatorName);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(this TestApp app, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Prefix + path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await app.SendAsync(request, operatorName: null);
    }

    /// <summary>Polls the run until it is in <paramref name="status"/>, for up to a minute: the worker runs it on a loaded machine.</summary>
    public static async Task<JsonElement> RunInStatusAsync(this TestApp app, Guid id, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var (_, body, _) = await app.GetAsync($"/runs/{id}");
            if (body.GetProperty("status").GetString() == status || DateTime.UtcNow > deadline)
            {
                return body;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The field a 400 problem names in its <c>errors</c>.</summary>
    public static string BadField(this JsonElement problem) => Assert.Single(problem.GetProperty("errors").EnumerateObject()).Name;

    private static async Task<(HttpStatusCode, JsonElement, HttpResponseMessage)> SendAsync(this TestApp app, HttpRequestMessage request, string? operatorName)
    {
        if (operatorName is not null)
        {
            request.Headers.Add("X-Operator", operatorName);
        }

        var response = await app.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body, response);
    }
}
