namespace Inquir.Typed;

/// <summary>The rules for event names and event ids, which the stores keep as text keys.</summary>
internal static class EventNames
{
    /// <summary>The longest name or id accepted.</summary>
    public const int MaxLength = 200;

    public static void ThrowIfInvalid(string name, string parameter = "name")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameter);
        if (name.Length > MaxLength)
        {
            throw new ArgumentException($"An event name is at most {MaxLength} characters; '{name[..20]}…' has {name.Length}.", parameter);
        }
    }

    public static void ThrowIfInvalidId(string eventId, string parameter = "eventId")
    {
        ArgumentException.ThrowIfNullOrEmpty(eventId, parameter);
        if (eventId.Length > MaxLength)
        {
            throw new ArgumentException($"An event id is at most {MaxLength} characters; '{eventId[..20]}…' has {eventId.Length}.", parameter);
        }
    }
}
