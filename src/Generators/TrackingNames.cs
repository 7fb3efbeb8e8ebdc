namespace Inquir.Typed.Generators
{
    /// <summary>The names of the generator's pipeline stages, so that tests can check what each stage cached.</summary>
    internal static class TrackingNames
    {
        public const string Parse = nameof(Parse);
        public const string Parsed = nameof(Parsed);
        public const string Diagnostics = nameof(Diagnostics);
        public const string Names = nameof(Names);
        public const string DuplicateNames = nameof(DuplicateNames);
        public const string DuplicateNameDiagnostics = nameof(DuplicateNameDiagnostics);
        public const string Models = nameof(Models);
        public const string ModelsToEmit = nameof(ModelsToEmit);
        public const string Registrations = nameof(Registrations);
        public const string Shapes = nameof(Shapes);
        public const string DistinctShapes = nameof(DistinctShapes);
        public const string Serializers = nameof(Serializers);
    }
}
