namespace Inquir.Typed.Worker;

/// <summary>Finds the JSON escape <c>\u0000</c>, which PostgreSQL's <c>jsonb</c> refuses, in a step's output.</summary>
internal static class JsonNul
{
    public static bool Holds(string json)
    {
        var from = 0;
        while ((from = json.IndexOf("\\u0000", from, StringComparison.Ordinal)) >= 0)
        {
            // An escape only when the backslash is not itself escaped: an odd run of backslashes ends at it.
            var backslashes = 0;
            for (var i = from; i >= 0 && json[i] == '\\'; i--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 1)
            {
                return true;
            }

            from++;
        }

        return false;
    }
}
