from careerbot.cli import main

main()
