import ArgumentParser
import Foundation
import PipelineCore

/// Data errors (a bad pipeline file, a missing input) go to stderr as one clear line and exit 1;
/// usage errors stay with ArgumentParser, which prints usage and exits 64.
enum Failure {
    static func print(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Every listed glossary, memory or translation that is missing, each at its own line; then exit.
    static func checkListedFiles(of spec: PipelineSpec) throws {
        let missing = spec.missingFiles()
        guard !missing.isEmpty else { return }
        for error in missing { print("error: \(error.localizedDescription)") }
        throw ExitCode.failure
    }

    static func reporting(_ work: () async throws -> Void) async throws {
        do { try await work() } catch let exit as ExitCode {
            throw exit
        } catch {
            print("error: \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }

    static func reporting(_ work: () throws -> Void) throws {
        do { try work() } catch let exit as ExitCode {
            throw exit
        } catch {
            print("error: \(error.localizedDescription)")
            throw ExitCode.failure
        }
    }
}
