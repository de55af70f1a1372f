"""The user's wardrobe: photos in (`intake`, through the `images` pipeline), wardrobe
cards out of one vision call (`card_maker`), the outfit board after an answer
(`answer_board`, drawn by `outfit_board`), and what the user keeps or drops (`keeper`)."""
