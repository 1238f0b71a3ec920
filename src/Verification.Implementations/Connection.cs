namespace Verification.Implementations;

/// <summary>The shared resource of the article's examples: a database connection that needs an async setup.</summary>
/// <param name="connect">The async setup (the article's <c>_connect</c>); the harness supplies and scripts it.</param>
public sealed class Connection(Func<Connection, CancellationToken, Task> connect)
{
    /// <summary>Runs the async setup. The connection is usable only once this has completed.</summary>
    /// <param name="cancellationToken">Cancels the setup itself.</param>
    public Task ConnectAsync(CancellationToken cancellationToken = default) => connect(this, cancellationToken);

    public override string ToString() => nameof(Connection);
}
