using Inquir.Typed;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ExportSample;

/// <summary>The OpenTelemetry SDK as an application wires it, with the console exporter standing in for a collector.</summary>
internal static class SampleTelemetry
{
    public static IServiceCollection AddSampleTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("export-sample"))
            .WithTracing(t => t
                .AddSource("Microsoft.AspNetCore")    // the HTTP request's span, which the run's step spans continue
                .AddSource(InquirTelemetry.Name)
                .AddConsoleExporter())
            .WithMetrics(m => m
                .AddMeter(InquirTelemetry.Name)
                .AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 5_000));
        return services;
    }
}
