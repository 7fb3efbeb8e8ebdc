using System;
using System.Text;

namespace Inquir.Typed.Generators
{
    /// <summary>Writes source text line by line with four-space indentation; <see cref="Block"/> opens a braced block.</summary>
    internal sealed class IndentedWriter
    {
        private readonly StringBuilder _text = new();
        private int _depth;

        /// <summary>Writes one line at the current indentation; an empty line gets no trailing spaces.</summary>
        public IndentedWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _text.Append(' ', _depth * 4);
                _text.Append(text);
            }

            _text.Append('\n');
            return this;
        }

        /// <summary>Writes several lines (split on '\n'), each at the current indentation.</summary>
        public IndentedWriter Lines(string text)
        {
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                Line(line);
            }

            return this;
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
