using System.Globalization;
using System.Text;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>Ids of checkpoint shapes, which name their serializer classes: readable, and unique per type through a hash of the full name.</summary>
    internal static class CheckpointShapeNames
    {
        public const string Namespace = "Inquir.Typed.Generated";
        public const string Container = "InquirCheckpointSerializers";
        public const string ContainerReference = "global::" + Namespace + "." + Container;
        private const int MaxReadableLength = 48;

        /// <summary>The class name for a type given fully qualified without nullable annotations.</summary>
        public static string IdOf(string typeName)
        {
            var readable = new StringBuilder();
            var text = typeName.Replace("global::", string.Empty);
            var word = new StringBuilder();
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    word.Append(c);
                    continue;
                }

                // Namespaces and containing types are dropped: "System.Collections.Generic.List<Samples.Order>" reads "List_Order".
                if (c != '.' && word.Length > 0)
                {
                    Append(readable, word.ToString());
                }

                if (c == '[')
                {
                    Append(readable, "Array");
                }
                else if (c == '?')
                {
                    Append(readable, "Nullable");
                }

                word.Clear();
            }

            if (word.Length > 0)
            {
                Append(readable, word.ToString());
            }

            var name = readable.Length > MaxReadableLength ? readable.ToString(0, MaxReadableLength) : readable.ToString();
            return name + "_" + Hash(typeName).ToString("x8", CultureInfo.InvariantCulture);
        }

        /// <summary>The expression of the serializer instance for the type with the given id.</summary>
        public static string Instance(string id) => ContainerReference + "." + id + ".Instance";

        private static void Append(StringBuilder readable, string word)
        {
            if (readable.Length > 0)
            {
                readable.Append('_');
            }

            readable.Append(word);
        }

        /// <summary>FNV-1a over the UTF-16 code units: stable across processes, unlike <c>string.GetHashCode</c>.</summary>
        private static uint Hash(string text)
        {
            var hash = 2166136261u;
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 16777619u);
            }

            return hash;
        }
    }
}
