namespace Inquir.Typed.Generators.Emitting
{
    /// <summary>What every generated file carries: the generator's version in a <c>[GeneratedCode]</c> attribute.</summary>
    internal static class GeneratedFile
    {
        /// <summary>The generator's version, written into <c>[GeneratedCode]</c>.</summary>
        public static readonly string Version = typeof(GeneratedFile).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

        public static readonly string GeneratedCodeAttribute = $"[global::System.CodeDom.Compiler.GeneratedCode(\"Inquir.Typed.Generators\", \"{Version}\")]";
    }
}
