using System.Collections.Immutable;
using System.Diagnostics;

namespace Verification.Specs;

/// <summary>
/// Where an exception seen in a history was thrown: its type, and the method of the innermost frame of its stack trace
/// (the frame that threw it). An engine reads it to tell an exception the implementation threw from one its own code threw.
/// </summary>
/// <param name="Type">The exception's full type name.</param>
/// <param name="ThrownBy">The throwing method as <c>Namespace.Type.Method</c>, or null if the exception carries no frames.</param>
public sealed record ExceptionOrigin(string Type, string? ThrownBy)
{
    /// <summary>
    /// The origins of <paramref name="exception"/> and of every exception inside it (inner exceptions, the members of an
    /// aggregate), outermost first: a library that wraps an exception it caught still shows where the cause was thrown.
    /// </summary>
    public static ImmutableArray<ExceptionOrigin> Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var origins = ImmutableArray.CreateBuilder<ExceptionOrigin>();
        var seen = new HashSet<Exception>(ReferenceEqualityComparer.Instance);
        var work = new Queue<Exception>([exception]);
        while (work.Count > 0 && origins.Count < 16)
        {
            var next = work.Dequeue();
            if (!seen.Add(next))
            {
                continue;
            }

            origins.Add(new ExceptionOrigin(next.GetType().FullName ?? next.GetType().Name, ThrowingMethodOf(next)));
            IEnumerable<Exception> inner = next is AggregateException aggregate ? aggregate.InnerExceptions : next.InnerException is { } one ? [one] : [];
            foreach (var child in inner)
            {
                work.Enqueue(child);
            }
        }

        return origins.ToImmutable();
    }

    public override string ToString() => ThrownBy is null ? Type : $"{Type} thrown by {ThrownBy}";

    private static string? ThrowingMethodOf(Exception exception)
    {
        // The first frame of an exception's trace is where it was first thrown; rethrows (await, ExceptionDispatchInfo) only
        // append frames after it.
        var method = new StackTrace(exception, false).GetFrame(0)?.GetMethod();
        if (method is not null)
        {
            var type = method.DeclaringType;

            // An async method's frame is its state machine's MoveNext: name the method the state machine belongs to.
            if (type is { DeclaringType: { } owner } && method.Name == "MoveNext" && type.Name.StartsWith('<'))
            {
                return $"{owner.FullName}.{type.Name[1..type.Name.IndexOf('>', StringComparison.Ordinal)]}";
            }

            return type is null ? method.Name : $"{type.FullName}.{method.Name}";
        }

        // No frame object (a trace restored from elsewhere): read the text.
        var first = exception.StackTrace?.Split('\n', 2)[0].Trim();
        if (string.IsNullOrEmpty(first))
        {
            return null;
        }

        first = first.StartsWith("at ", StringComparison.Ordinal) ? first[3..] : first;
        var parameters = first.IndexOf('(', StringComparison.Ordinal);
        return parameters > 0 ? first[..parameters] : first;
    }
}
