using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Receivables.Tests.Functions;

/// <summary>One trigger parameter of a function: the attribute's type name, constructor arguments and named arguments.</summary>
public sealed record TriggerBinding(string Attribute, IReadOnlyList<object?> Arguments, IReadOnlyDictionary<string, object?> Named);

/// <summary>One <c>[Function]</c> method of the Functions app as its metadata describes it.</summary>
public sealed record FunctionEntry(string Name, string ClassName, bool ClassIsSealed, bool ClassIsPublic, int FunctionsInClass, int BodyBytes, TriggerBinding? Trigger);

/// <summary>
/// Reads the built Functions app (Receivables.Functions.dll) with System.Reflection.Metadata, without loading it:
/// its SDK attributes resolve only against the compile-only surface, which is never loadable.
/// </summary>
public static class FunctionAppMetadata
{
    private const string WorkerNamespace = "Microsoft.Azure.Functions.Worker";

    public static string AssemblyPath =>
        typeof(FunctionAppMetadata).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "FunctionsAppAssembly").Value!;

    public static IReadOnlyList<FunctionEntry> Read()
    {
        var path = Path.GetFullPath(AssemblyPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                "The Functions app is not built; build the solution with -p:FunctionsWorkerOffline=true (./receivables test does).", path);
        }

        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var provider = new AttributeTypes();
        var entries = new List<FunctionEntry>();

        foreach (var typeHandle in reader.TypeDefinitions)
        {
            var type = reader.GetTypeDefinition(typeHandle);
            var functions = type.GetMethods()
                .Select(reader.GetMethodDefinition)
                .Select(m => (Method: m, Name: FunctionName(reader, provider, m.GetCustomAttributes())))
                .Where(m => m.Name is not null)
                .ToList();

            foreach (var (method, name) in functions)
            {
                var trigger = method.GetParameters()
                    .Select(reader.GetParameter)
                    .SelectMany(p => p.GetCustomAttributes().Select(reader.GetCustomAttribute))
                    .Select(a => Decode(reader, provider, a))
                    .FirstOrDefault(b => b.Attribute.EndsWith("TriggerAttribute", StringComparison.Ordinal));
                var body = method.RelativeVirtualAddress == 0 ? 0 : pe.GetMethodBody(method.RelativeVirtualAddress).Size;
                entries.Add(new FunctionEntry(
                    name!,
                    reader.GetString(type.Name),
                    type.Attributes.HasFlag(TypeAttributes.Sealed),
                    (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public,
                    functions.Count,
                    body,
                    trigger));
            }
        }

        return entries;
    }

    private static string? FunctionName(MetadataReader reader, AttributeTypes provider, CustomAttributeHandleCollection attributes) =>
        attributes.Select(reader.GetCustomAttribute)
            .Select(a => Decode(reader, provider, a))
            .Where(b => b.Attribute == WorkerNamespace + ".FunctionAttribute")
            .Select(b => (string?)b.Arguments[0])
            .FirstOrDefault();

    private static TriggerBinding Decode(MetadataReader reader, AttributeTypes provider, CustomAttribute attribute)
    {
        var attributeType = attribute.Constructor.Kind == HandleKind.MemberReference
            ? reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent
            : reader.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
        var name = attributeType.Kind switch
        {
            HandleKind.TypeReference => FullName(reader, reader.GetTypeReference((TypeReferenceHandle)attributeType)),
            HandleKind.TypeDefinition => FullName(reader, reader.GetTypeDefinition((TypeDefinitionHandle)attributeType)),
            _ => "?",
        };

        if (!name.StartsWith(WorkerNamespace, StringComparison.Ordinal))
        {
            return new TriggerBinding(name, [], new Dictionary<string, object?>());
        }

        var value = attribute.DecodeValue(provider);
        return new TriggerBinding(
            name,
            value.FixedArguments.Select(a => Unwrap(a.Value)).ToList(),
            value.NamedArguments.ToDictionary(a => a.Name!, a => Unwrap(a.Value)));
    }

    private static object? Unwrap(object? value) => value is ImmutableArray<CustomAttributeTypedArgument<string>> items
        ? items.Select(i => Unwrap(i.Value)).ToList()
        : value;

    private static string FullName(MetadataReader reader, TypeReference type) => reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);

    private static string FullName(MetadataReader reader, TypeDefinition type) => reader.GetString(type.Namespace) + "." + reader.GetString(type.Name);

    /// <summary>Names types by their full name; the only enum an SDK attribute of ours takes is AuthorizationLevel (an int).</summary>
    private sealed class AttributeTypes : ICustomAttributeTypeProvider<string>
    {
        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

        public string GetSystemType() => "System.Type";

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) =>
            FullName(reader, reader.GetTypeDefinition(handle));

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) =>
            FullName(reader, reader.GetTypeReference(handle));

        public string GetTypeFromSerializedName(string name) => name;

        public PrimitiveTypeCode GetUnderlyingEnumType(string type) => PrimitiveTypeCode.Int32;

        public bool IsSystemType(string type) => type == "System.Type";
    }
}
