namespace Inquir.Typed;

/// <summary>The kinds of <see cref="StartPolicy"/>: what a start does when a run already holds its idempotency key.</summary>
public enum StartPolicyKind
{
    /// <summary>The key is held for ever: every later start with it returns the run the first made (the default).</summary>
    ForeverUnique = 0,

    /// <summary>The key is held while its run is pending, running or waiting; a start after the run ended makes a new run.</summary>
    UniqueWhileActive = 1,

    /// <summary>The key is held for a period after the start that made the run; a start after it makes a new run.</summary>
    UniqueFor = 2,

    /// <summary>Starts within the quiet period fold into one pending run, which takes the latest input and is due the quiet period after the last start.</summary>
    Debounce = 3,

    /// <summary>At most one run per key in each slot of the period (counted from the Unix epoch, UTC); the first start of a slot makes it.</summary>
    Throttle = 4,
}
