using System.Diagnostics;
using System.Diagnostics.Metrics;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inquir.Typed.Benchmarks;

/// <summary>
/// What listening costs the worker: the drain of <see cref="WorkerDrainBenchmarks"/> at one concurrency, without and
/// with an <see cref="ActivityListener"/> that records every step span in full and a <see cref="MeterListener"/>
/// that takes every measurement of the Inquir.Typed meter, as an OpenTelemetry SDK would before its exporter.
/// </summary>
[MemoryDiagnoser]
public class WorkerDrainTelemetryBenchmarks : WorkerDrain<ThreeSteps>
{
    [Params(false, true)]
    public bool Listening { get; set; }

    protected override int WorkerConcurrency => 16;

    protected override Task StartAsync(IWorkflowClient client, int input) => client.StartThreeStepsAsync(input);

    protected override void AddServices(IServiceCollection services)
    {
        if (Listening)
        {
            // First, so that the listeners are attached before the worker's first claim.
            services.Insert(0, ServiceDescriptor.Singleton<IHostedService, Listeners>());
        }
    }

    /// <summary>Both listeners, for as long as the host runs; the callbacks only count, so the figure is the runtime's own cost.</summary>
    private sealed class Listeners : IHostedService, IDisposable
    {
        private ActivityListener? _activities;
        private MeterListener? _meter;
        private long _seen;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _activities = new ActivityListener
            {
                ShouldListenTo = s => s.Name == InquirTelemetry.Name,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = _ => Interlocked.Increment(ref _seen),
            };
            ActivitySource.AddActivityListener(_activities);
            _meter = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == InquirTelemetry.Name)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _meter.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _seen));
            _meter.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _seen));
            _meter.Start();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose()
        {
            _activities?.Dispose();
            _meter?.Dispose();
        }
    }
}
