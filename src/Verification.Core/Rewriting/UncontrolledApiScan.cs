using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;

namespace Verification.Core;

/// <summary>
/// Finds calls to APIs that Coyote 1.7.11 does not control on .NET 10, in the code reachable from an adapter: its own
/// types, their lambdas and state machines, and the non-framework libraries they call. Coyote flags some of these
/// itself at run time, but not all: a lock on <c>System.Threading.Lock</c> shows up only as a false deadlock. A verdict
/// over such code is not a verdict, so the runner reports it as inconclusive, naming the API.
/// </summary>
public static class UncontrolledApiScan
{
    // Each entry: a type (and member) Coyote does not control, why, and whether it only makes a result suspect. A suspect
    // API is harmless in most uses (Nito's AsyncLazy sits on Lazy<T> and is judged cleanly) and is named only to explain
    // a "potential deadlock"; the others void a clean run.
    private static readonly ImmutableArray<(string Type, string? Member, string Why, bool SuspectOnly)> Known =
    [
        ("System.Threading.Lock", null, "Coyote does not model System.Threading.Lock (a lock on it looks like a deadlock)", false),
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
        ("System.Threading.Tasks.Task", "WaitAsync", "passed straight through: its timeout and token are not controlled", false),
        ("System.Threading.Tasks.Task`1", "WaitAsync", "passed straight through: its timeout and token are not controlled", false),
        ("System.Threading.CancellationTokenSource", "CancelAfter", "cancels from a real timer", false),
        ("System.Lazy`1", "get_Value", "Lazy<T>'s own lock is not modelled: a scheduling point inside its factory can look like a deadlock", true),
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

    // SemaphoreSlim is modelled by Coyote 1.7.11, but its model ignores a wait's token and any timeout other than 0: where a
    // real waiter would give up, the modelled one waits for ever. Calls are matched before and after Coyote's rewrite.
    private static readonly string[] SemaphoreTypes = ["System.Threading.SemaphoreSlim", "Microsoft.Coyote.Rewriting.Types.Threading.SemaphoreSlim"];

    private const string CancellableWaitMark = "!";
    private const string TimedWaitMark = "~";

    private static readonly Lazy<Dictionary<short, OpCode>> OpCodesByValue = new(() =>
        typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value));

    private static readonly ConcurrentDictionary<Type, (ImmutableArray<string> Apis, ImmutableArray<Assembly> Assemblies)> Cache = new();

    /// <summary>The uncontrolled APIs reachable from <paramref name="adapterType"/>, each as <c>Type.Member (why)</c>, sorted.</summary>
    public static ImmutableArray<string> Find(Type adapterType) => [.. Cache.GetOrAdd(adapterType, Scan).Apis.Where(a => !IsMarked(a))];

    /// <summary>
    /// Reachable waits that Coyote models only in part (a <c>SemaphoreSlim</c> wait with a token or a timeout): under Coyote
    /// they never give up, so they explain callers a deadlock left waiting that real threads would have let go. Each comes
    /// with whether only a cancelled caller can be held by it (a token), or any caller (a timeout).
    /// </summary>
    public static ImmutableArray<(string Api, bool OnlyCancelled)> UnmodelledWaits(Type adapterType) =>
        [.. Cache.GetOrAdd(adapterType, Scan).Apis
            .Where(a => a.StartsWith(CancellableWaitMark, StringComparison.Ordinal) || a.StartsWith(TimedWaitMark, StringComparison.Ordinal))
            .Select(a => (a[1..], a.StartsWith(CancellableWaitMark, StringComparison.Ordinal)))];

    private static bool IsMarked(string api) =>
        api.StartsWith(SuspectMark, StringComparison.Ordinal) || api.StartsWith(CancellableWaitMark, StringComparison.Ordinal) || api.StartsWith(TimedWaitMark, StringComparison.Ordinal);

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

        if (SemaphoreTypes.Contains(typeName) && member is MethodInfo { Name: "Wait" or "WaitAsync" } wait)
        {
            var parameters = wait.GetParameters().Select(p => p.ParameterType).ToList();
            if (parameters.Contains(typeof(CancellationToken)))
            {
                return CancellableWaitMark + $"System.Threading.SemaphoreSlim.{wait.Name}(CancellationToken) (Coyote 1.7.11's model ignores the token: " +
                    "a cancelled waiter keeps waiting where a real one ends with OperationCanceledException; judge cancellation with the stress engine)";
            }

            if (parameters.Contains(typeof(int)) || parameters.Contains(typeof(TimeSpan)))
            {
                return TimedWaitMark + $"System.Threading.SemaphoreSlim.{wait.Name} with a timeout (Coyote 1.7.11's model ignores any timeout but 0: " +
                    "a waiter keeps waiting where a real one gives up; judge it with the stress engine)";
            }
        }

        // Task.WhenAll(a, b) binds to the params ReadOnlySpan<Task> overload on .NET 9+, which Coyote does not control.
        if (typeName == "System.Threading.Tasks.Task" && member is MethodInfo { Name: "WhenAll" or "WhenAny" } method
            && method.GetParameters() is [{ ParameterType.IsGenericType: true } parameter]
            && parameter.ParameterType.GetGenericTypeDefinition() == typeof(ReadOnlySpan<>))
        {
            return $"System.Threading.Tasks.Task.{method.Name}(params ReadOnlySpan<Task>) (pass an array: Coyote does not control the span overload)";
        }

        return null;
    }

    // Coverage instruments every assembly with a hit tracker of its own (which flushes under a Mutex); it is not the code
    // under test.
    private static bool IsInjectedByCoverage(Type type) =>
        type.Namespace?.StartsWith("Coverlet.Core.Instrumentation", StringComparison.Ordinal) == true;

    private static bool IsUserCode(Type type)
    {
        var name = type.Assembly.GetName().Name ?? string.Empty;
        return !(name.StartsWith("System", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Coyote", StringComparison.Ordinal)
            || name is "mscorlib" or "netstandard" or "Verification.Core" or "Verification.Specs");
    }

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
