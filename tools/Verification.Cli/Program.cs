using Verification.Cli;

return await CommandLine.RunAsync(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected).ConfigureAwait(false);
