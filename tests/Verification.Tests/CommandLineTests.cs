using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verification.Cli;
using Verification.Core;
using Verification.Specs;
using Verification.Tests.Fixtures;

namespace Verification.Tests;

/// <summary>The command line, called in process: exit codes, one-line errors, the matrix and the three reports, replay.</summary>
public sealed class CommandLineTests
{
    private static readonly string[] PublishedOnly = ["PUBLISHED"];

    private static readonly string[] AllEngines = ["coyote", "fscheck", "stress"];

    private string _scratch = string.Empty;

    private static string Corpus => Path.Combine(TestContext.CurrentContext.TestDirectory, "Corpus");

    [SetUp]
    public void CreateScratch() => _scratch = Directory.CreateTempSubdirectory("verification-cli-").FullName;

    [TearDown]
    public void DeleteScratch() => Directory.Delete(_scratch, recursive: true);

    [TestCase("verify --impl no-such-thing", "unknown implementation 'no-such-thing'")]
    [TestCase("verify --property ONCE,NOPE", "unknown property 'NOPE'")]
    [TestCase("verify --property 3", "unknown property '3'")]
    [TestCase("verify --engine warp", "unknown engine 'warp'")]
    [TestCase("verify --engine coyote,warp", "unknown engine 'warp' (available: coyote, fscheck, stress, all)")]
    [TestCase("verify --iterations 0", "--iterations takes a positive whole number, not '0'")]
    [TestCase("verify --iterations lots", "--iterations takes a positive whole number, not 'lots'")]
    [TestCase("verify --seed -3", "--seed takes a whole number, not '-3'")]
    [TestCase("verify --strategy fastest", "unknown strategy 'fastest'")]
    [TestCase("verify --shard 4/4", "--shard takes index/count")]
    [TestCase("verify --time-limit soon", "--time-limit takes a positive whole number")]
    [TestCase("verify --out", "--out needs a value")]
    [TestCase("verify --json --out x", "--json needs a value")]
    [TestCase("verify --frobnicate", "unknown option '--frobnicate'")]
    [TestCase("verify --case x", "--case is only meaningful with --replay")]
    [TestCase("frobnicate", "unknown command 'frobnicate'")]
    [TestCase("", "expected a command")]
    [TestCase("list everything", "list takes no arguments")]
    [TestCase("replay", "replay needs a trace file")]
    [TestCase("replay a.trace b.trace", "replay takes one trace file")]
    public async Task Command_WithBadInput_FailsWithOneLineAndExitCode2(string commandLine, string message)
    {
        var (code, output, error) = await RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.BadInput));
            Assert.That(error, Does.Contain(message));
            Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line");
            Assert.That(output, Is.Empty, "nothing ran");
        });
    }

    [Test]
    public async Task Replay_OfAMissingTrace_SaysItCannotReadIt()
    {
        var (code, _, error) = await RunAsync("replay", Path.Combine(_scratch, "nothing.trace"));

        AssertOneLineError(code, error, "cannot read trace");
    }

    [TestCase("not json at all", "is not a Coyote trace (not JSON")]
    [TestCase("{\"Steps\": []}", "is not a Coyote trace (expected a JSON object with CoyoteVersion and Steps)")]
    [TestCase("[1, 2, 3]", "is not a Coyote trace (expected a JSON object")]
    public async Task Replay_OfAFileThatIsNoCoyoteTrace_SaysSo(string content, string message)
    {
        var trace = Path.Combine(_scratch, "foreign.trace");
        await File.WriteAllTextAsync(trace, content);

        var (code, _, error) = await RunAsync("replay", trace);

        AssertOneLineError(code, error, message);
    }

    [Test]
    public async Task Replay_OfATraceWithoutItsCaseFile_AsksForTheCase()
    {
        var trace = CopyCorpusTrace(withCase: false);

        var (code, _, error) = await RunAsync("replay", trace);

        AssertOneLineError(code, error, "No case file");
    }

    [Test]
    public async Task Replay_WithACaseNamingAnUnknownImplementation_SaysWhichAreRegistered()
    {
        var trace = CopyCorpusTrace(withCase: false);

        var (code, _, error) = await RunAsync("replay", trace, "--case", "nobody|c1=get c2=get");

        AssertOneLineError(code, error, "No implementation named 'nobody'");
    }

    [Test]
    public async Task Replay_WithACaseWhoseScenarioDoesNotParse_SaysWhy()
    {
        var trace = CopyCorpusTrace(withCase: false);

        var (code, _, error) = await RunAsync("replay", trace, "--case", "no-lock|c1=jump");

        AssertOneLineError(code, error, "'jump' is not an operation");
    }

    [TestCase("replay")]
    [TestCase("verify", "--replay")]
    public async Task Replay_OfATraceWithItsCaseFile_PrintsTheHistoryAndExitsZero(params string[] command)
    {
        var trace = CopyCorpusTrace(withCase: true);

        var (code, output, error) = await RunAsync([.. command, trace]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.AsDeclared), error);
            Assert.That(output, Does.Contain("the failure reproduced"));
            Assert.That(output, Does.Contain("ONCE: attempt 2 started while attempt 1 was still running"));
            Assert.That(output, Does.Contain("step | caller 1"));
        });
    }

    [Test]
    public async Task Replay_OfATraceTheRunnerWrote_NeedsNothingButTheTrace()
    {
        var found = Exploration.Run(Registry.Find("no-lock"), StandardScenarios.ConcurrentGet, TestSettings.Ci with { ResultsDirectory = _scratch });

        var (code, output, error) = await RunAsync("replay", found.TracePath!);

        Assert.Multiple(() =>
        {
            Assert.That(ReplayCase.Read(found.TracePath!).Property, Is.EqualTo(Property.Once));
            Assert.That(code, Is.EqualTo(CommandLine.AsDeclared), error);
            Assert.That(output, Does.Contain("the failure reproduced"));
        });
    }

    [Test]
    public async Task Replay_OfATraceUnderAnotherImplementation_SaysItDoesNotReplayHere()
    {
        var trace = CopyCorpusTrace(withCase: false);

        var (code, _, error) = await RunAsync("replay", trace, "--case", "double-checked|c1=get c2=get c3=get a=ok:1");

        AssertOneLineError(code, error, "The trace does not replay here");
    }

    [TestCase("diverging", "is not reproducible at execution step")]
    [TestCase("cut short", "it ran out after its 4 steps, and the run went on to step")]
    public async Task Replay_OfATraceRecordedAgainstAnotherBuild_SaysItDoesNotReplayHereAndHowToFix(string how, string message)
    {
        // Another build schedules other operations, or fewer of them, than the ones the trace recorded.
        var trace = CopyCorpusTrace(withCase: true);
        var recorded = JsonNode.Parse(await File.ReadAllTextAsync(trace))!;
        var steps = recorded["Steps"]!.AsArray();
        if (how == "diverging")
        {
            steps[3] = steps[3]!.GetValue<string>().Replace("sp(ContinueWith)", "sp(Yield)", StringComparison.Ordinal);
        }
        else
        {
            while (steps.Count > 4)
            {
                steps.RemoveAt(steps.Count - 1);
            }
        }

        await File.WriteAllTextAsync(trace, recorded.ToJsonString());

        var (code, _, error) = await RunAsync("replay", trace);

        AssertOneLineError(code, error, message);
        Assert.That(error, Does.Contain("recorded against another build").And.Contain("run the case again to record a fresh trace"));
    }

    [Test]
    public async Task List_PrintsEveryRegisteredImplementationWithItsContract()
    {
        var (code, output, _) = await RunAsync("list");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.AsDeclared));
            foreach (var implementation in Registry.All)
            {
                Assert.That(output, Does.Contain(implementation.Name).And.Contain(implementation.Contract.ToString()));
            }
        });
    }

    [TestCase("--help")]
    [TestCase("verify", "--help")]
    public async Task Help_PrintsTheUsageAndExitsZero(params string[] args)
    {
        var (code, output, _) = await RunAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.AsDeclared));
            Assert.That(output, Does.Contain("usage: verify").And.Contain("--engine"));
        });
    }

    [Test]
    public async Task Verify_TwoImplementations_PrintsTheMatrixWritesThreeReportsAndExitsZero()
    {
        var extraJson = Path.Combine(_scratch, "elsewhere", "copy.json");

        var (code, output, error) = await RunAsync(
            "verify", "--impl", "double-checked,no-lock", "--iterations", "30", "--out", _scratch, "--json", extraJson);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_scratch, "report.json")));
        var root = json.RootElement;
        var noLock = root.GetProperty("implementations").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "no-lock");
        var once = noLock.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("property").GetString() == "ONCE");
        var html = await File.ReadAllTextAsync(Path.Combine(_scratch, "report.html"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.AsDeclared), error + output);
            Assert.That(output, Does.Contain("double-checked").And.Contain("no-lock").And.Contain("ONCE       SAME"));
            Assert.That(output, Does.Contain(" it/s "), "progress");
            Assert.That(File.ReadAllText(extraJson), Is.EqualTo(File.ReadAllText(Path.Combine(_scratch, "report.json"))));
            Assert.That(root.GetProperty("asDeclared").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("iterations").GetInt32(), Is.EqualTo(30));
            Assert.That(noLock.GetProperty("kind").GetString(), Is.EqualTo("planted-bug"));
            Assert.That(noLock.GetProperty("expectedViolation").GetString(), Is.EqualTo("ONCE"));
            Assert.That(noLock.GetProperty("fingerprint").GetProperty("failure").GetString(), Is.EqualTo("retry"));
            Assert.That(once.GetProperty("verdict").GetString(), Is.EqualTo("fail"));
            Assert.That(once.GetProperty("trace").GetString(), Does.Exist);
            Assert.That(ReplayCase.PathFor(once.GetProperty("trace").GetString()!), Does.Exist);
            Assert.That(once.GetProperty("replay").GetString(), Does.Contain("-- replay "));
            Assert.That(once.GetProperty("history").GetString(), Does.Contain("attempt 2 starts"));
            Assert.That(html, Does.Contain("<table id=\"matrix\">").And.Contain("data-implementation=\"no-lock\""));
            Assert.That(File.ReadAllText(Path.Combine(_scratch, "report.md")), Does.Contain("| no-lock | planted-bug |"));
        });
    }

    [Test]
    public async Task Verify_WithEveryEngine_ReportsEachEnginesVerdictAndMergesThemInTheMatrix()
    {
        var (code, output, error) = await RunAsync("verify", "--impl", "no-lock", "--property", "ONCE", "--iterations", "20", "--engine", "all", "--out", _scratch);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_scratch, "report.json")));
        var results = json.RootElement.GetProperty("implementations")[0].GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("engine").GetString()!, r => r.GetProperty("verdict").GetString());
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.AsDeclared), error + output);
            Assert.That(json.RootElement.GetProperty("engines").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(AllEngines));
            Assert.That(results["coyote"], Is.EqualTo("fail"));
            Assert.That(results["fscheck"], Is.EqualTo("fail"), "FsCheck's shrunk plan violates ONCE");
            Assert.That(results.Keys, Does.Contain("stress"), "the stress verdict follows real timing, so only its presence is checked");
            Assert.That(output, Does.Contain("Shrunk").Or.Contain("shrunk"));
        });
    }

    [Test]
    public async Task Verify_WithAPropertyFilter_JudgesAndReportsOnlyThoseProperties()
    {
        var (code, _, error) = await RunAsync("verify", "--impl", "double-checked", "--property", "published", "--iterations", "20", "--out", _scratch);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_scratch, "report.json")));
        var implementation = json.RootElement.GetProperty("implementations")[0];
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.AsDeclared), error);
            Assert.That(json.RootElement.GetProperty("properties").EnumerateArray().Select(p => p.GetString()), Is.EqualTo(PublishedOnly));
            Assert.That(implementation.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("property").GetString()), Is.EqualTo(PublishedOnly));
            Assert.That(implementation.GetProperty("fingerprint").GetProperty("failure").ValueKind, Is.EqualTo(JsonValueKind.Null), "the failure scenario did not run");
        });
    }

    [Test]
    public async Task Verify_WithoutFingerprint_WritesNoFingerprint()
    {
        var (code, _, error) = await RunAsync("verify", "--impl", "no-lock", "--property", "ONCE", "--iterations", "10", "--no-fingerprint", "--out", _scratch);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_scratch, "report.json")));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.AsDeclared), error);
            Assert.That(json.RootElement.GetProperty("fingerprint").GetBoolean(), Is.False);
            Assert.That(json.RootElement.GetProperty("implementations")[0].GetProperty("fingerprint").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [Test]
    public async Task Verify_IntoAnOutputFolderThatCannotBeCreated_FailsBeforeRunning()
    {
        var file = Path.Combine(_scratch, "a-file");
        await File.WriteAllTextAsync(file, "in the way");

        var (code, output, error) = await RunAsync("verify", "--impl", "double-checked", "--out", Path.Combine(file, "reports"));

        Assert.Multiple(() =>
        {
            AssertOneLineError(code, error, "cannot create the output folder");
            Assert.That(output, Is.Empty);
        });
    }

    [TestCase("list")]
    [TestCase("verify")]
    [TestCase("verify", "--impl", "double-checked")]
    [TestCase("verify", "--replay", "race.trace")]
    [TestCase("replay", "race.trace")]
    public async Task Command_WithAnImplementationAssemblyThatCannotBeLoaded_RefusesToRunNamingItAndItsMissingDependency(params string[] args)
    {
        var file = UnloadableImplementation.WriteWithMissingDependency(_scratch);
        var discovery = Registry.Discover(_scratch);

        var (code, output, error) = await RunAsync(() => discovery, args);

        Assert.Multiple(() =>
        {
            AssertOneLineError(
                code, error, $"verify: cannot load implementation assembly '{file}': Could not load file or assembly '{UnloadableImplementation.MissingDependency}, Version=");
            Assert.That(error, Does.Contain(". Rebuild it against this harness, with its dependencies beside the harness (reference them from its project), or remove it."));
            Assert.That(error, Does.Not.Contain("--help"), "the usage would not help");
            Assert.That(output, Is.Empty, "nothing ran");
        });
    }

    [Test]
    public async Task Command_WithSeveralImplementationAssembliesThatCannotBeLoaded_NamesEachOnOneLine()
    {
        var missing = UnloadableImplementation.WriteWithMissingDependency(_scratch);
        var stale = UnloadableImplementation.WriteWithoutCreate(_scratch);
        var discovery = Registry.Discover(_scratch);

        var (code, _, error) = await RunAsync(() => discovery, "list");

        Assert.Multiple(() =>
        {
            AssertOneLineError(code, error, "cannot load implementation assemblies ");
            Assert.That(error, Does.Contain($"'{missing}': ").And.Contain($"'{stale}': "));
            Assert.That(error, Does.Contain("Rebuild each against this harness"));
        });
    }

    [Test]
    public async Task Verify_OfAnImplementationAssemblyNotRewritten_RefusesWithOneLineAndExitCode3()
    {
        // The pristine copy of the catalog the build keeps beside the tests, loaded on its own: Coyote never rewrote it.
        var pristine = Path.Combine(TestContext.CurrentContext.TestDirectory, "unrewritten", "Verification.Implementations.dll");
        var context = new AssemblyLoadContext("unrewritten-cli", isCollectible: true);
        try
        {
            var adapter = context.LoadFromAssemblyPath(pristine).GetExportedTypes().Single(t => t.Name == "NoLockConnectorAdapter");
            var discovery = new Discovery([Registry.Describe(adapter)], []);

            var (code, output, error) = await RunAsync(() => discovery, "verify", "--iterations", "5", "--out", _scratch);

            Assert.Multiple(() =>
            {
                Assert.That(code, Is.EqualTo(CommandLine.CannotRun), output);
                Assert.That(error, Does.Contain("Verification.Implementations").And.Contain("is not rewritten").And.Contain("coyote rewrite"));
                Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line");
            });
        }
        finally
        {
            context.Unload();
        }
    }

    [Test]
    public async Task Command_WithTwoImplementationsOfTheSameName_RefusesToRunNamingBoth()
    {
        UnloadableImplementation.WriteLoadable(_scratch, "twin");
        UnloadableImplementation.WriteLoadable(_scratch, "twin");

        var (code, _, error) = await RunAsync(() => Registry.Discover(_scratch), "list");

        AssertOneLineError(code, error, "Two implementations are named 'twin'");
        Assert.That(error, Does.Contain("Give each its own name in its [SingletonImplementation] attribute."));
    }

    [Test]
    public async Task Help_WithAnImplementationAssemblyThatCannotBeLoaded_StillPrintsTheUsage()
    {
        UnloadableImplementation.WriteWithMissingDependency(_scratch);
        var discovery = Registry.Discover(_scratch);

        var (code, output, _) = await RunAsync(() => discovery, "--help");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.AsDeclared));
            Assert.That(output, Does.Contain("usage: verify"));
        });
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(Func<Discovery> discover, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, error, discover);
        return (code, output.ToString(), error.ToString());
    }

    private static void AssertOneLineError(int code, string error, string message) =>
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CommandLine.BadInput));
            Assert.That(error, Does.Contain(message));
            Assert.That(error.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one line");
        });

    /// <summary>The corpus trace of no-lock's race, copied into the scratch folder, with or without its case file.</summary>
    private string CopyCorpusTrace(bool withCase)
    {
        var trace = Path.Combine(_scratch, "race.trace");
        File.Copy(Path.Combine(Corpus, "no-lock.concurrent-get.trace"), trace);
        if (withCase)
        {
            File.Copy(Path.Combine(Corpus, "no-lock.concurrent-get.case"), ReplayCase.PathFor(trace));
        }

        return trace;
    }
}
