using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace ExportSample;

/// <summary>Posts one export to the running server, follows it to the end, prints what happened and stops the app.</summary>
internal static class DemoClient
{
    public static async Task RunAsync(WebApplication app)
    {
        var exitCode = 1;
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            using var http = new HttpClient { BaseAddress = new Uri(address) };

            var request = new ExportRequest(UserId: 42, Format: "csv");
            Console.WriteLine($"demo> POST /exports {JsonSerializer.Serialize(request)}");
            var accepted = await http.PostAsJsonAsync("/exports", request);
            Console.WriteLine($"demo> {(int)accepted.StatusCode} {accepted.StatusCode}, Location: {accepted.Headers.Location}");
            Console.WriteLine($"demo> {await accepted.Content.ReadAsStringAsync()}");

            var deadline = DateTime.UtcNow.AddMinutes(2);
            string? lastLine = null;
            while (DateTime.UtcNow < deadline)
            {
                var status = await http.GetFromJsonAsync<JsonElement>(accepted.Headers.Location);
                var line = $"demo> GET {accepted.Headers.Location} -> {status}";
                if (line != lastLine)
                {
                    Console.WriteLine(line);
                    lastLine = line;
                }

                var state = status.GetProperty("status").GetString();
                if (state is "succeeded" or "failed" or "cancelled")
                {
                    exitCode = state == "succeeded" ? 0 : 1;
                    break;
                }

                await Task.Delay(100);
            }
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"demo> failed: {e.Message}");
        }
        finally
        {
            Environment.ExitCode = exitCode;
            await app.StopAsync();
        }
    }
}
