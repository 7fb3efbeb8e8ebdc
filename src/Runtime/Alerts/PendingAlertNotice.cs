namespace Inquir.Typed;

/// <summary>A stored notice some sink has not taken yet, as a delivering worker claimed it.</summary>
/// <param name="Seq">The order notices were written in: a rule's notices are delivered in it.</param>
/// <param name="Notice">What the sinks are given, with its stored id.</param>
/// <param name="DeliveredTo">The names of the sinks that took it already.</param>
/// <param name="Attempts">How many delivery tries ended with some sink not having taken it.</param>
internal sealed record PendingAlertNotice(long Seq, AlertNotice Notice, IReadOnlySet<string> DeliveredTo, int Attempts);
