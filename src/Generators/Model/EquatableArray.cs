using System;
using System.Collections;
using System.Collections.Generic;

namespace Inquir.Typed.Generators.Model
{
    /// <summary>
    /// An immutable array compared by its elements, so that pipeline models holding it compare by value. A class rather
    /// than a struct: the driver's generic node tables over a reference type share the code the compiler has already
    /// compiled, where every new struct type argument would be compiled again in each fresh compiler process.
    /// </summary>
    internal sealed class EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    {
        private readonly T[] _items;

        private EquatableArray(T[] items) => _items = items;

        public static EquatableArray<T> Empty { get; } = new(Array.Empty<T>());

        public int Count => _items.Length;

        public T this[int index] => _items[index];

        public static EquatableArray<T> From(IEnumerable<T> items)
        {
            var array = new List<T>(items).ToArray();
            return array.Length == 0 ? Empty : new EquatableArray<T>(array);
        }

        public static EquatableArray<T> From(List<T> items) => items.Count == 0 ? Empty : new EquatableArray<T>(items.ToArray());

        public bool Contains(T item) => Array.IndexOf(_items, item) >= 0;

        public bool Equals(EquatableArray<T>? other)
        {
            if (ReferenceEquals(this, other))
            {
                return true;
            }

            if (other is null || other._items.Length != _items.Length)
            {
                return false;
            }

            var comparer = EqualityComparer<T>.Default;
            for (var i = 0; i < _items.Length; i++)
            {
                if (!comparer.Equals(_items[i], other._items[i]))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            var hash = 17;
            foreach (var item in _items)
            {
                hash = unchecked((hash * 31) + (item is null ? 0 : item.GetHashCode()));
            }

            return hash;
        }

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
    }
}
