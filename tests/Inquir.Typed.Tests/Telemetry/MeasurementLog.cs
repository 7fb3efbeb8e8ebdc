using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Inquir.Typed.Tests.Telemetry;

/// <summary>Listens to the Inquir.Typed meter and keeps every measurement with its tags.</summary>
public sealed class MeasurementLog : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measured = new();

    public MeasurementLog()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == InquirTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public IReadOnlyList<Measured> Measured => _measured.ToArray();

    public IReadOnlyList<Measured> Of(string instrument, string tag, string value) =>
        Measured.Where(m => m.Instrument == instrument && m.Tags.GetValueOrDefault(tag) as string == value).ToList();

    /// <summary>Asks the observable gauges for their values now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copied[tag.Key] = tag.Value;
        }

        _measured.Enqueue(new Measured(instrument.Name, instrument.Unit, value, copied));
    }
}

/// <summary>One measurement of one instrument.</summary>
public sealed record Measured(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);
