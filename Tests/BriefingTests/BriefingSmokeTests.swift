import Testing
@testable import Briefing
