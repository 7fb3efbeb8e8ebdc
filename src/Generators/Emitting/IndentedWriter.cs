using System;
using System.Text;

namespace Inquir.Typed.Generators.Emitting
{
    /// <summary>
    /// Writes source text with four-space indentation. Code goes in as raw string templates: <see cref="Lines"/> indents
    /// every line of a template to the current depth, and <see cref="Block"/> opens a braced block.
    /// </summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder _text = new(4096);
        private int _depth;

        /// <summary>Writes one line at the current indentation; an empty line gets no trailing spaces.</summary>
        public IndentedWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _text.Append(' ', _depth * 4).Append(text);
            }

            _text.Append('\n');
            return this;
        }

        /// <summary>Writes every line of <paramref name="template"/> (split on line breaks) at the current indentation.</summary>
        public IndentedWriter Lines(string template)
        {
            var start = 0;
            while (true)
            {
                var end = template.IndexOf('\n', start);
                var stop = end < 0 ? template.Length : end;
                var length = stop > start && template[stop - 1] == '\r' ? stop - start - 1 : stop - start;
                if (length > 0)
                {
                    _text.Append(' ', _depth * 4).Append(template, start, length);
                }

                _text.Append('\n');
                if (end < 0)
                {
                    return this;
                }

                start = end + 1;
            }
        }

        /// <summary>Writes <c>{</c>, indents until the returned scope is disposed, then writes <paramref name="close"/>.</summary>
        public Scope Block(string close = "}")
        {
            Line("{");
            _depth++;
            return new Scope(this, close);
        }

        /// <summary>Indents until the returned scope is disposed, without braces.</summary>
        public Scope Indent()
        {
            _depth++;
            return new Scope(this, null);
        }

        public override string ToString() => _text.ToString();

        /// <summary>Closes a block.</summary>
        public readonly struct Scope : IDisposable
        {
            private readonly IndentedWriter _writer;
            private readonly string? _close;

            public Scope(IndentedWriter writer, string? close)
            {
                _writer = writer;
                _close = close;
            }

            public void Dispose()
            {
                _writer._depth--;
                if (_close is not null)
                {
                    _writer.Line(_close);
                }
            }
        }
    }
}
