using Inquir.Typed.Generators.Model;

namespace Inquir.Typed.Generators.CheckpointShapes
{
    /// <summary>How a type is stored in a checkpoint.</summary>
    internal enum ShapeKind
    {
        Boolean,
        Byte,
        SByte,
        Int16,
        UInt16,
        Int32,
        UInt32,
        Int64,
        UInt64,
        Single,
        Double,
        Decimal,
        Char,
        String,
        Guid,
        DateTime,
        DateTimeOffset,
        DateOnly,
        TimeOnly,
        TimeSpan,

        /// <summary><c>Uri</c>, stored as its original string as System.Text.Json does.</summary>
        Uri,

        /// <summary><c>byte[]</c>, stored as base64 as System.Text.Json does.</summary>
        Bytes,
        Enum,
        Nullable,
        Array,
        List,

        /// <summary><c>IReadOnlyList&lt;T&gt;</c>, <c>IEnumerable&lt;T&gt;</c> and the like, read back as a <c>List&lt;T&gt;</c>.</summary>
        ListInterface,
        Dictionary,

        /// <summary><c>IReadOnlyDictionary&lt;string, T&gt;</c> or <c>IDictionary&lt;string, T&gt;</c>, read back as a <c>Dictionary</c>.</summary>
        DictionaryInterface,
        Object,
    }

    /// <summary>A reference from one shape to the shape of a member or element.</summary>
    /// <param name="Kind">How the type is stored; kinds up to <see cref="ShapeKind.Bytes"/> are written inline.</param>
    /// <param name="TypeName">The type, fully qualified with <c>global::</c>, without nullable reference annotations.</param>
    /// <param name="Id">The id of the referenced shape: the name of its serializer class.</param>
    internal sealed record ShapeRef(ShapeKind Kind, string TypeName, string Id)
    {
        /// <summary>Whether the value is read and written by inline code rather than through its own serializer class.</summary>
        public bool IsInline => Kind <= ShapeKind.Bytes;
    }

    /// <summary>How a member gets its value when a checkpoint is read.</summary>
    internal enum MemberSetter
    {
        /// <summary>Not read: it has no public setter and no constructor parameter.</summary>
        None,

        /// <summary>Through a parameter of the constructor.</summary>
        Constructor,

        /// <summary>A public <c>set</c>, assigned after construction only when the JSON has it.</summary>
        Set,

        /// <summary>An <c>init</c> (or a <c>required</c> member): assigned in the object initializer.</summary>
        Init,

        /// <summary>An <c>init</c> with an initializer in the source: left alone when the JSON lacks it.</summary>
        InitWithDefault,
    }

    /// <summary>When a member is left out of the JSON, as <c>[JsonIgnore(Condition = …)]</c> says.</summary>
    internal enum WriteCondition
    {
        Always,
        WhenNotNull,
        WhenNotDefault,
    }

    /// <summary>A property of an object shape.</summary>
    /// <param name="Name">The C# name, escaped where it is a keyword.</param>
    /// <param name="JsonName">The name in JSON: the C# name or its <c>[JsonPropertyName]</c>.</param>
    /// <param name="Type">The property's type.</param>
    /// <param name="IsValueType">Whether the property's type is a value type (not <c>Nullable&lt;T&gt;</c>).</param>
    /// <param name="Setter">How a read sets it.</param>
    /// <param name="Write">When it is written.</param>
    /// <param name="DefaultValue">The constructor parameter's default, as C# source, when the parameter has one.</param>
    internal sealed record ShapeMember(string Name, string JsonName, ShapeRef Type, bool IsValueType, MemberSetter Setter, WriteCondition Write, string? DefaultValue);

    /// <summary>An enum member and its name in JSON.</summary>
    internal sealed record ShapeEnumMember(string Name, string JsonName);

    /// <summary>
    /// How one type that crosses a step boundary is stored as JSON: everything needed to emit its serializer. Equal types
    /// give equal shapes, so a type that several workflows share gets one serializer.
    /// </summary>
    /// <param name="Id">The generated class name: readable part plus a hash of <paramref name="TypeName"/>.</param>
    /// <param name="TypeName">The type, fully qualified with <c>global::</c>, without nullable reference annotations.</param>
    /// <param name="Kind">How it is stored.</param>
    /// <param name="IsValueType">Whether it is a value type.</param>
    /// <param name="Element">The element (arrays, lists, dictionary values, the underlying type of <c>Nullable&lt;T&gt;</c>).</param>
    /// <param name="EnumMembers">The named enum values, one per distinct value.</param>
    /// <param name="Members">The object's properties, in the order System.Text.Json writes them.</param>
    /// <param name="ConstructorArguments">Indices into <paramref name="Members"/> of the constructor's parameters, in order.</param>
    /// <param name="CanUseWith">Whether the type supports <c>with</c> (records and structs), used to keep init defaults.</param>
    internal sealed record CheckpointShape(
        string Id,
        string TypeName,
        ShapeKind Kind,
        bool IsValueType,
        ShapeRef? Element,
        EquatableArray<ShapeEnumMember> EnumMembers,
        EquatableArray<ShapeMember> Members,
        EquatableArray<int> ConstructorArguments,
        bool CanUseWith);
}
