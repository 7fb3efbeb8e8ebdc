using System;

namespace Inquir.Typed.Analyzers.Definitions;

/// <summary>
/// The cron grammar Cronos reads, as the runtime calls it: six fields are read with seconds, anything else as five.
/// Fields are separated by spaces or tabs; each is <c>*</c> or <c>?</c> with an optional <c>/step</c>, or a list of
/// values, ranges (which may wrap, as <c>22-2</c>) and steps; numbers have one or two digits; months and days of the
/// week also take three-letter names; day-of-month adds <c>L</c>, <c>L-n</c>, <c>LW</c> and <c>nW</c>; day-of-week
/// adds <c>nL</c> and <c>n#k</c>; a macro (<c>@daily</c>, <c>@every_minute</c> …) stands alone.
/// </summary>
internal static class CronGrammar
{
    private static readonly char[] FieldSeparators = { ' ', '\t' };
    private static readonly string[] Macros = { "ANNUALLY", "YEARLY", "MONTHLY", "WEEKLY", "DAILY", "MIDNIGHT", "HOURLY", "EVERY_MINUTE", "EVERY_SECOND" };
    private static readonly string[] MonthNames = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC" };
    private static readonly string[] DayNames = { "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT" };

    private static readonly Field Seconds = new("seconds", 0, 59, null);
    private static readonly Field Minutes = new("minutes", 0, 59, null);
    private static readonly Field Hours = new("hours", 0, 23, null);
    private static readonly Field DaysOfMonth = new("day-of-month", 1, 31, null);
    private static readonly Field Months = new("months", 1, 12, MonthNames);
    private static readonly Field DaysOfWeek = new("day-of-week", 0, 7, DayNames);

    /// <summary>Null when Cronos reads the expression; otherwise what is wrong with it.</summary>
    public static string? Problem(string text)
    {
        var trimmed = text.Trim(' ', '\t');
        if (trimmed.Length == 0)
        {
            return "it is empty";
        }

        if (trimmed[0] == '@')
        {
            return Array.IndexOf(Macros, trimmed.Substring(1).ToUpperInvariant()) >= 0
                ? null
                : $"'{trimmed}' is not a macro; use @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, @every_minute or @every_second";
        }

        var fields = trimmed.Split(FieldSeparators, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            return $"it has {fields.Length} fields; write 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)";
        }

        var offset = fields.Length - 5;
        return (offset == 1 ? Check(Seconds, fields[0], Kind.Plain) : null)
            ?? Check(Minutes, fields[offset], Kind.Plain)
            ?? Check(Hours, fields[offset + 1], Kind.Plain)
            ?? Check(DaysOfMonth, fields[offset + 2], Kind.DayOfMonth)
            ?? Check(Months, fields[offset + 3], Kind.Plain)
            ?? Check(DaysOfWeek, fields[offset + 4], Kind.DayOfWeek);
    }

    private static string? Check(Field field, string text, Kind kind)
    {
        var reader = new Reader(text);
        if (reader.Accept('*') || reader.Accept('?'))
        {
            return (reader.Accept('/') ? Step(field, ref reader) : null) ?? End(field, ref reader);
        }

        if (kind == Kind.DayOfMonth && reader.AcceptLetter('L'))
        {
            if (reader.Accept('-') && Number(ref reader, 0, field.Last - 1) is null)
            {
                return field.Refuse($"the offset after 'L-' must be a number between 0 and {field.Last - 1}");
            }

            reader.AcceptLetter('W');
            return End(field, ref reader);
        }

        if (Value(field, ref reader) is null)
        {
            return field.Refuse(field.ValueRule);
        }

        if (kind == Kind.DayOfMonth && reader.AcceptLetter('W'))
        {
            return End(field, ref reader);
        }

        if (kind == Kind.DayOfWeek)
        {
            if (reader.AcceptLetter('L'))
            {
                return End(field, ref reader);
            }

            if (reader.Accept('#'))
            {
                return Number(ref reader, 1, 5) is null ? field.Refuse("the number after '#' must be between 1 and 5") : End(field, ref reader);
            }
        }

        while (true)
        {
            if (Range(field, ref reader) is { } problem)
            {
                return problem;
            }

            if (!reader.Accept(','))
            {
                return End(field, ref reader);
            }

            if (Value(field, ref reader) is null)
            {
                return field.Refuse(field.ValueRule);
            }
        }
    }

    // After a value: "-high" with an optional step, a step alone, or nothing.
    private static string? Range(Field field, ref Reader reader)
    {
        if (reader.Accept('-'))
        {
            if (Value(field, ref reader) is null)
            {
                return field.Refuse(field.ValueRule);
            }

            return reader.Accept('/') ? Step(field, ref reader) : null;
        }

        return reader.Accept('/') ? Step(field, ref reader) : null;
    }

    private static string? Step(Field field, ref Reader reader) =>
        Number(ref reader, 1, field.Last) is null ? field.Refuse($"a step must be a number between 1 and {field.Last}") : null;

    private static string? End(Field field, ref Reader reader) =>
        reader.AtEnd ? null : field.Refuse($"'{reader.Current}' is not expected there");

    private static int? Value(Field field, ref Reader reader)
    {
        if (Number(ref reader, field.First, field.Last) is { } number)
        {
            return number;
        }

        if (field.Names is null || !reader.TryName(out var name))
        {
            return null;
        }

        var index = Array.IndexOf(field.Names, name);
        return index < 0 ? null : index + (field.First == 1 ? 1 : 0);
    }

    // One or two digits, as Cronos reads numbers; a third digit makes the value unreadable.
    private static int? Number(ref Reader reader, int low, int high)
    {
        if (!reader.TryDigits(out var value))
        {
            return null;
        }

        return value >= low && value <= high ? value : null;
    }

    private enum Kind
    {
        Plain,
        DayOfMonth,
        DayOfWeek,
    }

    private sealed class Field(string name, int first, int last, string[]? names)
    {
        public int First { get; } = first;

        public int Last { get; } = last;

        public string[]? Names { get; } = names;

        public string ValueRule => Names is null
            ? $"values must be numbers between {First} and {Last}"
            : $"values must be numbers between {First} and {Last} or names such as {Names[0]}";

        public string Refuse(string rule) => $"in the {name} field, {rule}";
    }

    private struct Reader(string text)
    {
        private int _position;

        public readonly bool AtEnd => _position >= text.Length;

        public readonly char Current => text[_position];

        public bool Accept(char c)
        {
            if (!AtEnd && text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        public bool AcceptLetter(char upper) => Accept(upper) || Accept(char.ToLowerInvariant(upper));

        public bool TryDigits(out int value)
        {
            value = 0;
            var start = _position;
            while (!AtEnd && text[_position] >= '0' && text[_position] <= '9' && _position - start < 3)
            {
                value = (value * 10) + (text[_position] - '0');
                _position++;
            }

            if (_position == start)
            {
                return false;
            }

            return _position - start <= 2;
        }

        public bool TryName(out string name)
        {
            name = string.Empty;
            if (_position + 3 > text.Length)
            {
                return false;
            }

            for (var i = _position; i < _position + 3; i++)
            {
                if (!((text[i] >= 'A' && text[i] <= 'Z') || (text[i] >= 'a' && text[i] <= 'z')))
                {
                    return false;
                }
            }

            name = text.Substring(_position, 3).ToUpperInvariant();
            _position += 3;
            return true;
        }
    }
}
