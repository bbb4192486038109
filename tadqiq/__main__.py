from tadqiq.cli import main

main()
