using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;

namespace Verification.Core;

/// <summary>
/// Finds calls to APIs that Coyote 1.7.11 does not control on .NET 10 and the harness does not model either
/// (src/Verification.Models replaces the others at build time), in the code reachable from an adapter: its own types,
/// their lambdas and state machines, and the non-framework libraries they call. Coyote flags some of these itself at run
/// time, but not all. A verdict over such code is not a verdict, so the runner reports it as inconclusive, naming the API.
/// </summary>
public static class UncontrolledApiScan
{
    // Each entry: a type (and member) Coyote does not control, why, and whether it only makes a result suspect. A suspect
    // API is harmless in most uses (Nito's AsyncLazy sits on Lazy<T> and is judged cleanly) and is named only to explain
    // a "potential deadlock"; the others void a clean run.
    private static readonly ImmutableArray<(string Type, string? Member, string Why, bool SuspectOnly)> Known =
    [
        ("System.Threading.ThreadPool", "QueueUserWorkItem", "work queued to the thread pool runs outside the scheduler", false),
        ("System.Threading.ThreadPool", "UnsafeQueueUserWorkItem", "work queued to the thread pool runs outside the scheduler", false),
        ("System.Threading.Timer", null, "timers fire on real threads", false),
        ("System.Timers.Timer", null, "timers fire on real threads", false),
        ("System.Threading.ManualResetEventSlim", null, "not modelled by Coyote", false),
        ("System.Threading.Mutex", null, "not modelled by Coyote", false),
        ("System.Threading.ReaderWriterLockSlim", null, "not modelled by Coyote", false),
        ("System.Threading.SpinLock", null, "not modelled by Coyote", false),
        ("System.Threading.SpinWait", null, "spins outside the scheduler", false),
        ("System.Threading.Tasks.Task", "ContinueWith", "continuations scheduled outside the scheduler", false),
        ("System.Threading.Tasks.Task`1", "ContinueWith", "continuations scheduled outside the scheduler", false),
        ("System.Threading.Channels.ChannelReader`1", "ReadAsync", ChannelWhy, true),
        ("System.Threading.Channels.ChannelReader`1", "WaitToReadAsync", ChannelWhy, true),
        ("System.Threading.Channels.ChannelReader`1", "ReadAllAsync", ChannelWhy, true),
        ("System.Threading.Channels.ChannelWriter`1", "WriteAsync", ChannelWhy, true),
        ("System.Threading.Channels.ChannelWriter`1", "WaitToWriteAsync", ChannelWhy, true),
        ("System.Threading.CancellationTokenRegistration", "Dispose", RegistrationWhy, true),
        ("System.Threading.CancellationTokenRegistration", "DisposeAsync", RegistrationWhy, true),
    ];

    private const string ChannelWhy =
        "Channels are passed straight through, not modelled: a wait on one is a wait Coyote cannot see; build the wait from a TaskCompletionSource, or judge the implementation with the stress engine";

    private const string RegistrationWhy =
        "disposing a registration waits, outside Coyote's model, for a callback still running on another thread, which can hang under Coyote; call Unregister() instead, which never waits";

    private static readonly Lazy<Dictionary<short, OpCode>> OpCodesByValue = new(() =>
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value));

    private static readonly ConcurrentDictionary<Type, (ImmutableArray<string> Apis, ImmutableArray<Assembly> Assemblies)> Cache = new();

    /// <summary>The uncontrolled APIs reachable from <paramref name="adapterType"/>, each as <c>Type.Member (why)</c>, sorted.</summary>
    public static ImmutableArray<string> Find(Type adapterType) => [.. Cache.GetOrAdd(adapterType, Scan).Apis.Where(a => !IsMarked(a))];

    private static bool IsMarked(string api) => api.StartsWith(SuspectMark, StringComparison.Ordinal);

    /// <summary>Reachable APIs that are usually harmless but explain a "potential deadlock" when Coyote reports one.</summary>
    public static ImmutableArray<string> Suspects(Type adapterType) =>
        [.. Cache.GetOrAdd(adapterType, Scan).Apis.Where(a => a.StartsWith(SuspectMark, StringComparison.Ordinal)).Select(a => a[SuspectMark.Length..])];

    private const string SuspectMark = "?";

    /// <summary>The assemblies, other than the framework's and the harness's, whose code is reachable from <paramref name="adapterType"/>.</summary>
    public static ImmutableArray<Assembly> ReachableAssemblies(Type adapterType) => Cache.GetOrAdd(adapterType, Scan).Assemblies;

    private static (ImmutableArray<string> Apis, ImmutableArray<Assembly> Assemblies) Scan(Type root)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        var work = new Queue<Type>();
        Enqueue(root);
        while (work.Count > 0)
        {
            var type = work.Dequeue();
            foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
            {
                Enqueue(nested);
            }

            const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                foreach (var member in CalledMembers(method))
                {
                    // Only the implementation's own code is judged by reading it: a library's uncontrolled calls may sit
                    // on paths that never run (DI's disabled dynamic engine); those that do run, Coyote reports itself.
                    if (type.Assembly == root.Assembly && Describe(member) is { } uncontrolled)
                    {
                        found.Add(uncontrolled);
                    }

                    if (member.DeclaringType is { } declaring && IsUserCode(declaring))
                    {
                        Enqueue(declaring);
                    }
                }
            }
        }

        return ([.. found], [.. seen.Select(t => t.Assembly).Distinct().OrderBy(a => a.GetName().Name, StringComparer.Ordinal)]);

        void Enqueue(Type type)
        {
            var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
            if (IsInjectedByCoverage(definition))
            {
                return;
            }

            if (seen.Add(definition))
            {
                work.Enqueue(definition);
            }
        }
    }

    private static string? Describe(MemberInfo member)
    {
        var type = member.DeclaringType;
        if (type is null)
        {
            return null;
        }

        var typeName = (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName;
        foreach (var (knownType, knownMember, why, suspectOnly) in Known)
        {
            if (typeName == knownType && (knownMember is null || member.Name == knownMember))
            {
                return (suspectOnly ? SuspectMark : string.Empty) + $"{knownType.Replace("`1", "<T>", StringComparison.Ordinal)}.{(knownMember ?? member.Name).Replace("get_", string.Empty, StringComparison.Ordinal)} ({why})";
            }
        }

        return null;
    }

    // Coverage instruments every assembly with a hit tracker of its own (which flushes under a Mutex); it is not the code
    // under test.
    private static bool IsInjectedByCoverage(Type type) =>
        type.Namespace?.StartsWith("Coverlet.Core.Instrumentation", StringComparison.Ordinal) == true;

    // Code under test is everything but the shared framework (told by where it loads from, so a System.* package is code
    // under test like any library), Coyote and the harness.
    private static bool IsUserCode(Type type)
    {
        var assembly = type.Assembly;
        var name = assembly.GetName().Name ?? string.Empty;
        return !(assembly.IsDynamic
            || IsSharedFramework(assembly)
            || name.StartsWith("Microsoft.Coyote", StringComparison.Ordinal)
            || name is "Verification.Core" or "Verification.Specs" or "Verification.Models");
    }

    private static readonly string SharedFramework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;

    private static bool IsSharedFramework(Assembly assembly) =>
        string.Equals(Path.GetDirectoryName(assembly.Location), SharedFramework, StringComparison.Ordinal);

    private static IEnumerable<MemberInfo> CalledMembers(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is InvalidOperationException or BadImageFormatException)
        {
            yield break;
        }

        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            short value = il[i] == 0xFE && i + 1 < il.Length ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += value > 0xFF || value < 0 ? 2 : 1;
            if (!OpCodesByValue.Value.TryGetValue(value, out var opCode))
            {
                yield break;
            }

            var size = OperandSize(opCode.OperandType, il, i);
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineField && i + 4 <= il.Length)
            {
                MemberInfo? member = null;
                try
                {
                    member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                }
                catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or FileNotFoundException or MissingMemberException)
                {
                    // An unresolvable reference cannot be judged; it is not evidence either way.
                }

                if (member is not null)
                {
                    yield return member;
                }
            }

            i += size;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
